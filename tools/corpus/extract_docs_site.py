"""Extract a documentation site or book of Markdown (and reST, notebook) pages as plain Chinese text.

    python tools/corpus/extract_docs_site.py NAME GITDIR COMMIT OUTDIR

NAME is a folder of docs/training-data.md; :data:`SITES` says which repository it comes
from and which of its files are read (the licence of each is quoted in that table).
Every page goes through ``_common.doc_paragraphs``: front matter, code, HTML, URLs and
Markdown syntax removed, lines with fewer than four Han characters dropped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from _common import extract_docs

#: Folder -> (repository, which of its paths are read).
SITES: dict[str, tuple[str, Callable[[str], bool]]] = {
    "amis_docs": ("baidu/amis", lambda path: path.startswith("docs/zh-CN/") and path.endswith(".md")),
    "antd_docs": ("ant-design/ant-design", lambda path: path.endswith(".zh-CN.md")),
    "apisix_docs_zh": ("apache/apisix", lambda path: path.startswith("docs/zh/") and path.endswith(".md")),
    "apollo_docs_zh": (
        "apolloconfig/apollo",
        lambda path: path.startswith("docs/zh/") and path.endswith(".md"),
    ),
    "arkuix_docs": ("arkui-x/docs", lambda path: path.startswith("zh-cn/") and path.endswith(".md")),
    "cloudwego": (
        "cloudwego/cloudwego.github.io",
        lambda path: path.startswith("content/zh/") and path.endswith((".md", ".mdx")),
    ),
    "cs_notes": ("CyC2018/CS-Notes", lambda path: path.startswith("notes/") and path.endswith(".md")),
    "cs_self_learning": (
        "PKUFlyingPig/cs-self-learning",
        lambda path: path.startswith("docs/") and path.endswith(".md") and not path.endswith(".en.md"),
    ),
    "dolphinscheduler_zh": (
        "apache/dolphinscheduler",
        lambda path: path.startswith("docs/docs/zh/") and path.endswith(".md"),
    ),
    "dunwu_blog": ("dunwu/blog", lambda path: path.startswith("source/_posts/") and path.endswith(".md")),
    "echarts_doc": ("apache/echarts-doc", lambda path: path.startswith("zh/") and path.endswith(".md")),
    "egg_docs": ("eggjs/egg", lambda path: path.startswith("site/docs/") and path.endswith(".md")),
    "go_advanced_book": (
        "chai2010/advanced-go-programming-book",
        lambda path: path.startswith(("ch", "appendix/")) and path.endswith(".md"),
    ),
    "go_stdlib_book": (
        "polaris1119/The-Golang-Standard-Library-by-Example",
        lambda path: path.startswith("chapter") and path.endswith(".md"),
    ),
    "go_webapp_book": (
        "astaxie/build-web-application-with-golang",
        lambda path: path.startswith("zh/") and path.endswith(".md"),
    ),
    "gocn_translator": ("gocn/translator", lambda path: path[:2] == "20" and path.endswith(".md")),
    "hf_course_zh": (
        "huggingface/course",
        lambda path: path.startswith("chapters/zh-CN/") and path.endswith((".md", ".mdx")),
    ),
    "iotdb_docs": ("apache/iotdb-docs", lambda path: path.startswith("src/zh/") and path.endswith(".md")),
    "julia_zh": ("JuliaCN/JuliaZH.jl", lambda path: path.startswith("zh_CN/") and path.endswith(".md")),
    "karmada_zh": (
        "karmada-io/website",
        lambda path: path.startswith("i18n/zh/") and path.endswith((".md", ".mdx")),
    ),
    "kotlin_zh": (
        "hltj/kotlin-web-site-cn",
        lambda path: path.startswith("docs/topics/") and path.endswith(".md"),
    ),
    "kubevela_zh": (
        "kubevela/kubevela.io",
        lambda path: path.startswith("i18n/zh/") and path.endswith((".md", ".mdx")),
    ),
    "linux_command": (
        "jaywcjlove/linux-command",
        lambda path: path.startswith("command/") and path.endswith(".md"),
    ),
    "mindspore": (
        "mindspore-ai/docs",
        lambda path: "source_zh_cn/" in path and path.endswith((".md", ".rst", ".ipynb")),
    ),
    "nacos": (
        "nacos-group/nacos-group.github.io",
        lambda path: path.startswith("src/content/") and path.endswith((".md", ".mdx")),
    ),
    "openeuler_docs": (
        "openeuler-mirror/docs",
        lambda path: path.startswith("docs/zh/") and path.endswith(".md"),
    ),
    "paddle_docs": (
        "PaddlePaddle/docs",
        lambda path: (
            path.startswith("docs/")
            and path.endswith((".md", ".rst"))
            and not path.endswith(("_en.md", "_en.rst"))
        ),
    ),
    "react_zh": (
        "reactjs/zh-hans.react.dev",
        lambda path: path.startswith("src/content/") and path.endswith((".md", ".mdx")),
    ),
    "rocketmq_docs_cn": (
        "apache/rocketmq",
        lambda path: path.startswith("docs/cn/") and path.endswith(".md"),
    ),
    "servicemesher": (
        "servicemesher/website",
        lambda path: path.startswith("content/") and path.endswith(".md"),
    ),
    "skywalking_zh": (
        "SkyAPM/document-cn-translation-of-skywalking",
        lambda path: path.startswith("docs/zh/") and path.endswith(".md"),
    ),
    "sofastack": (
        "sofastack/sofastack.tech",
        lambda path: path.startswith("content/zh/") and path.endswith(".md"),
    ),
    "source_code_hunter": (
        "doocs/source-code-hunter",
        lambda path: path.startswith("docs/") and path.endswith(".md"),
    ),
    "swift_zh": (
        "SwiftGGTeam/the-swift-programming-language-in-chinese",
        lambda path: path.startswith("TSPL.docc/") and path.endswith(".md"),
    ),
    "tars_docs": ("TarsCloud/TarsDocs", lambda path: path.endswith(".md")),
    "tf_docs_zh": (
        "tensorflow/docs-l10n",
        lambda path: path.startswith("site/zh-cn/") and path.endswith((".md", ".ipynb")),
    ),
    "trpl_zh": ("KaiserY/trpl-zh-cn", lambda path: path.startswith("src/") and path.endswith(".md")),
    "vue2_zh": ("vuejs/v2.cn.vuejs.org", lambda path: path.startswith("src/") and path.endswith(".md")),
    "vue_zh": (
        "vuejs-translations/docs-zh-cn",
        lambda path: path.startswith("src/") and path.endswith(".md"),
    ),
    "webpack_zh": (
        "docschina/webpack.js.org",
        lambda path: path.startswith("src/content/") and path.endswith((".md", ".mdx")),
    ),
}


def main() -> None:
    """Run the extraction of the site named on the command line."""
    if len(sys.argv) != 5 or sys.argv[1] not in SITES:
        sys.exit(f"usage: {sys.argv[0]} NAME GITDIR COMMIT OUTDIR  (NAME: {', '.join(SITES)})")
    name, gitdir, commit, outdir = sys.argv[1:]
    extract_docs(gitdir, commit, outdir, SITES[name][1])


if __name__ == "__main__":
    main()
