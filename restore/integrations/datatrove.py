"""A datatrove_ pipeline step that restores masked characters in every document.

Needs the extra: ``pip install 'zh-restore[datatrove]'``.

>>> from datatrove.executor import LocalPipelineExecutor  # doctest: +SKIP
>>> from datatrove.pipeline.readers import JsonlReader  # doctest: +SKIP
>>> from datatrove.pipeline.writers import JsonlWriter  # doctest: +SKIP
>>> from restore.integrations.datatrove import RestoreStep  # doctest: +SKIP
>>> LocalPipelineExecutor(  # doctest: +SKIP
...     pipeline=[JsonlReader("in/"), RestoreStep(), JsonlWriter("out/")], tasks=4
... ).run()

Each document's ``text`` is replaced by the restored text (confident mask restorations
applied; numeric gaps are never marked in the text, a corpus keeps its text clean), and
``metadata["restore"]`` gets ``{"edits": [...], "alphabet": ..., "counts": {...}}``.
Edit offsets index the text as it was *before* the step (the input text).

A task's documents are taken to share one filter, as the records of one ``--jsonl``
input are: each is read with what the task's documents before it show about which
characters the filter hides (:mod:`restore.filterevidence`); ``RestoreConfig(per_document=True)``
reads each one alone.

.. _datatrove: https://github.com/huggingface/datatrove
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

try:
    from datatrove.pipeline.base import PipelineStep
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("install the extra: pip install 'zh-restore[datatrove]'") from exc

from ..config import RestoreConfig

if TYPE_CHECKING:  # pragma: no cover
    from datatrove.data import DocumentsPipeline

    from ..pipeline import Restorer

__all__ = ["RestoreStep"]

#: the per-document counters reported to datatrove's stats (see ``Result.counts``)
_COUNTERS = ("masks", "restored", "unresolved", "gaps")


class RestoreStep(PipelineStep):
    """Restore ``doc.text`` and record what was done in ``doc.metadata[metadata_key]``.

    Args:
        config: options of the restorer (default: ``RestoreConfig()``).
        annotate_only: leave ``doc.text`` as it is and only add the metadata.
        metadata_key: the metadata key that receives the edits, alphabet and counts.

    The step keeps only the (small, frozen) config: the :class:`~restore.Restorer` and
    its lexicon are created inside :meth:`run`, once per task, so the step pickles
    cheaply to the executor's workers and a task that sees no mask loads no lexicon.
    """

    name = "🧩 restore"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        config: RestoreConfig | None = None,
        annotate_only: bool = False,
        metadata_key: str = "restore",
    ) -> None:
        super().__init__()
        self.config = config or RestoreConfig()
        self.config.validate()
        self.annotate_only = annotate_only
        self.metadata_key = metadata_key

    def _new_restorer(self) -> Restorer:
        from ..pipeline import Restorer

        return Restorer(self.config)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data is None:
            return
        restorer: Restorer | None = None
        evidence = None
        if not self.config.per_document:
            from ..filterevidence import FilterEvidence, written_by

            evidence = FilterEvidence(self.config.candidates, self.config.mask_symbols)
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                if restorer is None:
                    restorer = self._new_restorer()
                prior = evidence.prior() if evidence is not None else None
                if evidence is not None:
                    before = doc.metadata.get(self.metadata_key)
                    earlier = before.get("edits") if isinstance(before, dict) else None
                    evidence.observe(doc.text, written_by(earlier))
                result = restorer.restore(doc.text, mark_gaps=False, filter_prior=prior)
                counts = result.counts()
                annotation: dict[str, Any] = {
                    "edits": [edit.to_json() for edit in result.edits],
                    "alphabet": result.alphabet,
                    "counts": counts,
                }
                doc.metadata[self.metadata_key] = annotation
                if not self.annotate_only:
                    doc.text = result.text
            for label in _COUNTERS:
                self.stat_update(label, value=counts[label])
            if result.changed and not self.annotate_only:
                self.stat_update("changed")
            yield doc
