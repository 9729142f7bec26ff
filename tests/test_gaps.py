"""text -> numeric gaps: where a run of 3+ digits was deleted (never what it was).

Cases are written with ``‸`` at every place where digits were deleted; the text
given to :func:`find_gaps` is the case with the ``‸`` removed.
"""

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from restore import restore_text
from restore.gaps import INTACT_DIGITS_FACTOR, find_gaps
from restore.model import Mask

CUT = 0.5  # the pipeline drops gaps below this confidence
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_1ac4172153e80d19.txt"


def parse(case: str) -> tuple[str, list[int]]:
    """``"由‸年的‸元"`` -> ``("由年的元", [1, 3])``."""
    offsets, parts = [], case.split("‸")
    pos = 0
    for part in parts[:-1]:
        pos += len(part)
        offsets.append(pos)
    return "".join(parts), offsets


def masks_of(text: str) -> list[Mask]:
    return [Mask(m.start(), m.end()) for m in regex.finditer(r"\*+", text)]


def kept(text: str) -> list[int]:
    return [g.offset for g in find_gaps(text, masks_of(text)) if g.confidence >= CUT]


# --------------------------------------------------------------------------- #
# Places that must be marked, each at its exact offset, and nothing else.
# --------------------------------------------------------------------------- #
MUST_MARK = {
    # years
    "year before 的, amount, decimal tail": "收入由‸年的‸元增加到‸年的‸.39元;",
    "year + month after ASCII colon": "“成绩单”:‸年8月,通过省级贫困退出专项评估检查",
    "year + month after full-width colon": "“成绩单”：‸年8月，通过省级贫困退出专项评估检查",
    "year after 截至": "截至‸年9月底，全区贫困人口全部脱贫",
    "year at sentence start, ASCII comma": "以前常年在外打工。‸年,他回村试种了15亩柴胡。",
    "year at sentence start, full-width comma": "以前常年在外打工。‸年，他回村试种了15亩柴胡。",
    "year 以来 at sentence start": "聚在产业链上。‸年以来，共入股经营主体配股资金1.15亿元。",
    "year + month after a name": "这是刘书记‸年3月在村民大会上的讲话。",
    "year after 比": "全县绿化覆盖率比‸年提高3个百分点。",
    "year range in brackets": "印发《行动方案（‸—‸年）》的通知",
    "empty brackets": "发布《全省青少年阅读状况报告（‸）》。",
    "an empty title": "不可能有人看了《‸》之后，不知道它在写什么。",
    # official documents' numbers and penalties' ranges
    "a document's year": "根据《关于审理案件的规定》（法释〔‸〕20号）执行。",
    "a document's year and serial": "依照《暂行规定》（劳部发〔‸〕‸号）第十三条处理。",
    "a document's year in square brackets": "《关于工资问题的通知》（劳社部发[‸]3号）同时废止。",
    "a range's two numbers before a unit": "盗伐林木二至五立方米或者幼树‸至‸株为起点。",
    "a penalty's upper bound": "违反本条规定的，可以处‸元以上‸元以下罚款。",
    "a count after 年仅 is no age": "全公司‸年仅‸人获奖，‸年仅增长30%。",
    "a fine after a comma: 处 is the verb, the amount lost its number": "责令改正，处‸元以上3万元以下的罚款。",
    "a fine after 处, with nothing after the unit but the penalty": "对违法行为人可以处‸元罚款，并予以警告。",
    # measure words and units
    "measure word at line start": "15个贫困村全部脱贫退出;\n‸个行*村都达到了安全饮水",
    "measure words after 、": "驻村工作队、‸个帮扶单位、‸名帮扶干部进村入户",
    "two measure words in a row after 全区": "截至‸年9月底,全区‸户‸名建档立卡贫困人口全部脱贫",
    "area after 有": "我的新家有‸平方米,三室两厅",
    # units written as symbols (restore/gaps/symbol_units.py)
    "degrees Celsius after a verb": "样品经‸℃烧结后，电导率明显提高。",
    "a unit in letters after a number word": "检测波长为‸ nm，流速为每分钟一毫升。",
    "the second number of a range, before a unit": "岩浆活动分为晚期（‸～‸Ma）和早期两期。",
    "grams in a recipe": "- 面粉 ‸g\n- 白糖 ‸g\n- 鸡蛋 2 个\n- 盐 3 g\n- 牛奶 1 杯",
    "a unit after a space, on a page that spaces its numbers": "- 鸡蛋 1 个\n- 洋葱 2 个\n- 大蒜 5 瓣\n- 椰浆 ‸ml\n- 开水 ‸ml",
    "a unit after a space, on a page that spaces its units": "峰值在 14 nm，后移至‸ nm，半峰宽为 70 nm，再增至‸ nm。",
    "count then decimal, length": "建设农村道路‸条‸.03公里;新打机井12眼、水塔11座,敷设管网‸公里;",
    "percent": "全区参保率达到‸%;建办公立幼儿园71所",
    "多 + 亩, amount range": "规模最大时达到‸多亩,每亩平均收入‸元-‸元。",
    "amount at clause end": "贫困户户均配股‸元。",
    "plus in quotes": "孔塬村“‸+”产业分红大会现场",
    "亿 after 突破": "今年全省包裹寄递总数首次突破‸亿件",
    "万 + 人次 after 超过": "端午假期古镇客流超过‸万人次，比去年多",
    "万 after a noun": "今年种植油菜‸万亩。",
    "余 + measure word": "救援队转移‸余名被困群众",
    "周年": "纪念学校建校‸周年座谈会",
    "ordinal": "按照学校第‸号通知要求",
    "train number": "随着K‸次列车缓缓驶入西宁站",
    "people with a verb of harm": "塌方已造成‸人遇难、‸人受伤。",
    "classifier with its noun": "敌方用‸架无人机轰炸了港口。",
    "count closing a clause": "全市累计建成充电站‸个，覆盖所有乡镇。",
    "个 closing a clause after a word it forms (专线个)": "开通公交专线‸个，方便群众出行。",
    "万千瓦 after a word": "新建风电‸万千瓦，年内并网。",
    # machine-written numbers (restore/gaps/addresses.py)
    "an address's first two fields": "服务器 IP 为 ‸.‸.1.1，请确认。",
    "an address's last fields, a page's placeholders": "FE 地址为 ‸.26.34.‸，BE 为 ‸.‸.xxx.xxx。",
    "an address and its port": "jdbc:mysql://‸.‸.1.1:‸/sys",
    "a web address's port": "访问 http://localhost:‸/api/demo 即可。",
    "a port set to nothing": '[server]\nquery_port = ‸\nRpcPort: ‸\nport = "‸"',
    "a configuration line's port, an address's port": "Host db\n    Port ‸\n    LocalForward ‸.0.0.1:‸\n地址为（‸.0.0.1:‸）",
    "a date with its year last": "沈愚  发表日期 20/12/‸\n中国近日启动，截至 3/15/‸ 为止。",
    "HTML's character references, a copyright's years": "设施&#‸;&#‸;虽旧\n联系我们 Copyright‸-‸, ctrip.com",
    "a relative link to a page named by its number": "- [**标题**](./posts/‸.md)\n- [上一期](../‸.html)",
    "a decimal's fraction gone": "相关系数为0.‸,准确度高；IC50值为1.‸mg/ml，新增1.‸亿用户。\n| 名称 | 值 |\n| a | 12.‸ |",
    "a fraction gone before its error": "晶胞参数 a=1.‸(3) nm，溶解度为0.‸、0.‸、0.‸；",
    "a subtitle cue's milliseconds and number": "1\n00:01:23,‸ --> 00:01:25,‸\n你好\n\n‸\n00:01:26,‸ --> 00:01:27,‸\n世界\n",
    "a timestamp's fraction": 'created: ‸-12-01T23:00:24.‸Z\n"ts": "12:00:01.‸+08:00"',
    "screen units": "你可以选择使用 ‸ px，‸ px 以及 ‸ px 这样的值作为断点。",
    "a release note's issue and pull request": "- 修复死锁问题。[#‸](https://github.com/a/b/pull/‸)",
    "an issue in brackets": "修复内存泄漏 (#‸)。",
    "a spaced issue number": "修复问题 [# ‸](https://github.com/a/b/pull/‸)",
    "a SQL type's length, a LIMIT's count": "CREATE TABLE t (k4 VARCHAR(‸),\n  k5 CHAR(‸));\nSELECT * FROM t LIMIT ‸;",
    # a currency sign before its amount (restore/gaps/signs.py)
    "a price after a currency sign": "原价 ¥‸，限时优惠价 ￥‸。",
    "a price in bold, after two spaces": "还可以再省  ¥‸，到手仅需 **¥‸** 。",
    "a price before 起, a rate, a range": "套餐￥‸起，月费 ¥‸/月，报价 €‸-‸。",
    "a price at a line end, a dollar with its country": "门票：US$‸\n港币：HK$ ‸，",
    "a slug's empty words": "见 https://a.com/news/wwdc-‸-heres-everything 与 https://a.com/up/‸/03/ai-‸-index.pdf",
    "a file named by its number": "详见 http://a.cn/video/‸/12/06/‸.html 与 https://a.com/img/‸.PNG",
    # a thousands separator with no group after it (restore/gaps/signs.py)
    "groups gone before a unit": "注入地下1,‸米深处，共录制了3,‸种音效，花了9,‸美元，罚款25,‸卢比。",
    "groups gone before more": "上限是 1,‸,‸ 行，排列方式共有 43,‸,‸,‸ 种。",
    "a group gone before a spaced unit, on a spaced page": "在 2 月，表最多只能有 65,‸ 行，约 3 MB。",
}


@pytest.mark.parametrize("case", MUST_MARK.values(), ids=MUST_MARK.keys())
def test_must_mark(case):
    text, offsets = parse(case)
    assert kept(text) == offsets


def test_adjacent_gaps_of_a_range():
    # "2019-2020" -> "-": the digits were on both sides of the dash
    assert kept("-") == [0, 1]
    assert kept("（-）") == [1, 2]


# --------------------------------------------------------------------------- #
# Places that look like number frames but are ordinary words.
# --------------------------------------------------------------------------- #
MUST_NOT = {
    "逐年": "在扶贫干部的帮助下，柴胡种植面积逐年增加。",
    "近年来": "近年来，西峰区把发展特色产业作为农民增收的根本之策。",
    "今年 常年": "今年57岁的左正江以前常年在外打工。",
    "3年前": "3年前，什社乡文安村村民魏占太居住在最偏远的岘川组。",
    "十二个": "安全住房、标准化卫生室等“十二个全覆盖”",
    "万头规模": "实施万头规模生猪养殖育肥场建设项目",
    "一户 一人": "实现了脱贫路上不漏一户、不落一人。",
    "每亩": "每亩平均收入比过去高出许多。",
    "去年 明年 当年 全年": "去年全市粮食增产，明年将继续推进，当年就实现盈利，全年完成投资。",
    "多年 青年 少年": "多年来，青年和少年都是学校关心的对象。",
    "一年 两年 新年 成年": "一年又一年，两年后的新年，他已成年。",
    "周年庆": "商场正在举办周年庆活动。",
    "digits present": "2024年全国粮食产量再创新高，配股资金1.15亿元。",
    "short numbers stay": "新打机井12眼、水塔11座。",
    "个 after numerals and demonstratives": "这是第一个试点，这个项目每个环节、各个部门都很重视，那个方案也不错。",
    "名 in words": "一名知名学者在著名高校任教，排名靠前，已获提名，欢迎报名。",
    "元 in words": "这个单元的租金以美元结算，公元前的遗址，多元文化，一元复始，十万元。",
    "家 人 个 名 in words": "国家和人民、大家和专家、个人和家庭都在名单上。",
    "people in words": "有人说，成功的人往往坚持，年轻人更要努力。",
    "unit in a word with the character before": "工人阶级、今天的天气、商场的场地、一个人的人生。",
    "人 in a word with the character after": "人民群众、人员名单、人们的人口普查。",
    "万 in idioms": "千家万户挂起红灯笼，万家灯火照亮街巷，气象万千，培育万亿级产业。",
    "plus after a word": "推进“互联网+”行动。",
    "dash between names": "中国—东盟博览会在南宁举行。",
    "double dash": "他说——这是最好的时代。",
    "list number": "1.加强组织领导",
    "第 before a name": "游船沿第聂伯河缓缓航行",
    "percent in a URL": "详见 http://example.com/%E4%B8%AD",
    "units after their numbers": "烧结温度为1200℃，波长254 nm，内存512MB，耗时 30 ms。",
    "a unit inside a name or an identifier": "按GB/T 2760测试，请求头x-ms-version，日期格式mm_dd。",
    "a unit as a scale": "公开了 TB 级的元数据，延迟在ms级。",
    "a unit named, not counted": "| 温度（℃） | 长度(mm) |\n温度单位：℃，内存单位为 MB。",
    "a unit's letters inside a word": "他用Gmail和iTunes听歌，在Amazon上购物。",
    "a point in a web address's anchor": "原文见 https://example.com/post-7dbc0ef#.8jbyo2k64 。",
    "至 in words and before numbers": "产量增至12个，甚至个别地区迁至台湾，送至家中。",
    "brackets in a list": "选项[]可以留空，〔注〕见下文。",
    "themed year": "今年是“中国旅游年”。",
    "annual compound": "全市农产品年产值稳步增长。",
    "a name that holds 年 (lexicons/gaps/names.tsv)": "冯友兰、张岱年等著名学者出席，任伯年的画也在展出。",
    "an item's number in brackets": "依照刑法第二百二十五条第（四）项、本条例第十条第(二)项的规定。",
    "a person's age after 年": "他年仅15岁。张元邦已是年逾九旬，试想想，年过四十，一无事业。",
    "a web address's escapes around a dot": "下载 %E8%BE%91.%28mp3%29.rar 即可。",
    "a story's silent reply": "“你去吗？”他问。\n\n“”\n\n灯会事变后，两人再没见面。",
    "处 that sentences": "属于“情节特别严重”，处10年以上有期徒刑。",
    # machine-written numbers that kept their digits
    "a version and a full stop": "请升级到 1.2.3.",
    "a kept address": "连接 10.10.44.98:8030 即可。",
    "an ellipsis after a number": "后续会有2.0...等版本分支。",
    "a port with its value": '$port = "2881";\nsshPort="22"',
    "a grammar's rule, a longer word": "ip_port:\nreport: 无\ntransport: tcp",
    "a link's empty anchor, an address's fragment": "- [B](#)\n[Gophish](https://getgophish.com/#)",
    "C#": "用 (C#) 写的服务",
    "the list of issues": "问题请提交到 https://github.com/a/b/issues/\n谢谢。",
    "a currency sign with its amount": "原价 ¥24，现价￥1,2.00，约 US$35。",
    "a currency sign named": "人民币符号¥，金额（¥），写作“¥”或`￥`，按￥键。",
    "a currency sign after its amount, a keyboard's row": "价格42￥，很满意。他骂了一句@#￥%&*。",
    "a dollar sign in a shell": "$ ls -l\n运行 $，然后",
    "a class's page in Kotlin's documentation": "见 https://kotlinlang.org/api/latest/jvm/stdlib/kotlin.collections/-list-iterator/ 一节",
    "ids with hyphens, a query's words": "https://a.com/s/Ge14UeY9Gm2Hrk--E47eJQ https://youtu.be/-JTWXqUPQ7I https://a.io/?item=orch-management--scheduling",
    "dot files": "见 https://a.com/.well-known/x 与 https://a.com/a/.htaccess",
    "an address before a path or a reply": "scp root@10.0.0.1:/opt/soft\nFrom 10.0.0.1: icmp_seq=1\nthe Port \nis open",
    "a path's month and day, a fraction": "见 https://a.com/news/12/20/post 和 a/12/20/b，比例为 1/2/3。",
    "a time before a sentence's comma": "会议时间是 12:30:45, 然后散会。",
    "a time at a sentence's end": "会议于 12:30:45. 开始，at 12:30:45.\n完",
    "a point that ends a sentence, numbers an item, or opens an ellipsis": "见表3.由此可见。\n1.加强领导\n## 1. rpm\n请54..看看0...身高60...\n版本1.2.发布",
    "a float, an item's bracket": "tensor([1., 2.]) 与 2.) 房间",
    "a rate's second unit": "浓度为5 mg/L，溶解度为6 g/g。",
    "a named reference, a kept year, a hex reference": "&amp;&#x4e; Copyright © 20, a",
    "units inside ordinary words (当事人, 人脸, 名册, 英文名)": "追加相关当事人参加诉讼。向他人提供人脸信息。列入名册的鉴定人。他的英文名叫汤姆。",
    "a comma of the sentence after a number": "见图1,可以看出。我才19,家里人催。版本v1,2个。",
    "numbered items with commas, a list of numbers": "8,立伊甸园\n19,米利暗歌颂\n默认为 0,-40% 或 $20,~15$。",
    "a CSV row, code's names": "数据 1,,2 与 (r: 25, gx=3) 相同。",
}


@pytest.mark.parametrize("case", MUST_NOT.values(), ids=MUST_NOT.keys())
def test_must_not_mark(case):
    assert kept(case) == []


# --------------------------------------------------------------------------- #
# Punctuation style, masks, confidence
# --------------------------------------------------------------------------- #
PUNCTUATION_PAIRS = [
    ("“成绩单”:‸年8月,通过", "“成绩单”：‸年8月，通过"),
    ("退出;\n‸个行*村", "退出；\n‸个行*村"),
    ("回村。‸年,他", "回村。‸年，他"),
    ("贫困县(区)之一,‸年", "贫困县（区）之一，‸年"),
    ("收入‸元-‸元;", "收入‸元-‸元；"),
]


@pytest.mark.parametrize("ascii_case,full_case", PUNCTUATION_PAIRS)
def test_ascii_and_full_width_punctuation_agree(ascii_case, full_case):
    a_text, a_offsets = parse(ascii_case)
    f_text, f_offsets = parse(full_case)
    assert kept(a_text) == a_offsets
    assert kept(f_text) == f_offsets


@pytest.mark.parametrize("case", ["‸个行*村", "中共中央*治局‸年工作要点", "全区‸多名*员带头"])
def test_a_mask_counts_as_a_han_character(case):
    text, offsets = parse(case)
    with_masks = find_gaps(text, masks_of(text))
    assert [g.offset for g in with_masks if g.confidence >= CUT] == offsets
    assert find_gaps(text) == with_masks


JUDGEMENT_CALLS = [
    "全区‸多名*员和致富能手带头建办合作组织",  # 300多名党员, or just 多名 "several"
    "来自‸多个省份的选手参赛",
    "大会邀请了‸多家企业参展",
]


@pytest.mark.parametrize("case", JUDGEMENT_CALLS)
def test_judgement_calls_are_marked_with_lower_confidence(case):
    text, offsets = parse(case)
    gaps = {g.offset: g for g in find_gaps(text, masks_of(text))}
    (offset,) = offsets
    assert 0.5 <= gaps[offset].confidence <= 0.7
    clear = {g.offset: g for g in find_gaps("参保率达到%，同比增长.5%")}
    assert all(g.confidence >= 0.9 for g in clear.values())
    assert gaps[offset].confidence < min(g.confidence for g in clear.values())


def test_reasons_name_the_rule():
    reasons = {g.offset: g.reason for g in find_gaps("由年的元增加到年的.39元，达到%，“+”")}
    assert reasons == {1: "year", 3: "unit:元", 7: "year", 9: "decimal", 16: "percent", 19: "quoted-plus"}


def test_text_with_intact_digit_runs_was_not_scraped():
    # the scraper deletes every run of 3+ digits: if one is left, nothing here is a gap
    text = "2024年全镇医保参保率达到%，比年提高"
    gaps = find_gaps(text)
    assert gaps and all(g.confidence < CUT for g in gaps)
    assert all(g.reason.endswith("+intact") for g in gaps)
    plain = {g.offset: g.confidence for g in find_gaps(text.replace("2024", ""))}
    for g in gaps:
        assert g.confidence == pytest.approx(plain[g.offset - 4] * INTACT_DIGITS_FACTOR, abs=1e-3)


def test_empty_text():
    assert find_gaps("") == []


# --------------------------------------------------------------------------- #
# Properties of the output on any text
# --------------------------------------------------------------------------- #
ALPHABET = "年月个名家项人元万亿多余第.%+-—（）“”，。、：0123456789一十这有达到超约的在是国区平方公里米*\n"
texts = st.text(alphabet=ALPHABET, max_size=40)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_sorted_unique_in_range(text):
    gaps = find_gaps(text, masks_of(text))
    offsets = [g.offset for g in gaps]
    assert offsets == sorted(set(offsets))
    assert all(0 <= o <= len(text) for o in offsets)
    assert all(0.0 <= g.confidence <= 1.0 for g in gaps)
    assert all(g.reason and g.reason.isprintable() for g in gaps)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_putting_a_digit_back_closes_the_gap(text):
    # a restored number removes the mark: a digit before a unit/sign means no deletion
    for g in find_gaps(text):
        repaired = text[: g.offset] + "7" + text[g.offset :]
        around = {g.offset, g.offset + 1}
        assert not [h for h in find_gaps(repaired) if h.offset in around], (text, g)


# --------------------------------------------------------------------------- #
# The seed page (ASCII punctuation, masks)
# --------------------------------------------------------------------------- #
SEED_MUST_MARK = [
    "由‸年的‸元增加到‸年的‸.39元",
    "\n‸个行*村",
    "“成绩单”:‸年8月",
    "截至‸年9月底",
    "全区‸户‸名建档立卡",
    "、‸个帮扶单位、‸名帮扶干部",
    "有‸平方米",
    "道路‸条‸.03公里",
    "管网‸公里",
    "达到‸%",
    "。‸年,他回村",
    "达到‸多亩",
    "‸元-‸元",
    "“‸+”",
    "‸年以来",
    "配股‸元",
]
SEED_MUST_NOT = [
    "逐年",
    "近年来",
    "今年",
    "常年",
    "3年前",
    "十二个",
    "万头规模",
    "一户",
    "每亩",
    "1.15亿元",
    "12眼",
]


@pytest.fixture(scope="module")
def seed():
    if not SEED.is_file():
        pytest.skip(f"seed page not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    return text, kept(text)


@pytest.mark.parametrize("case", SEED_MUST_MARK)
def test_seed_must_mark(seed, case):
    text, found = seed
    snippet, offsets = parse(case)
    start = text.find(snippet)
    assert start >= 0, f"{snippet!r} is not on the seed page"
    assert [start + o for o in offsets if start + o in found] == [start + o for o in offsets]


@pytest.mark.parametrize("word", SEED_MUST_NOT)
def test_seed_must_not_mark(seed, word):
    text, found = seed
    starts = [m.start() for m in regex.finditer(regex.escape(word), text)]
    assert starts, f"{word!r} is not on the seed page"
    for s in starts:
        assert not [o for o in found if s <= o < s + len(word)], word


def test_seed_gaps_are_sorted_and_unique(seed):
    _, found = seed
    assert found == sorted(set(found))


def test_never_scraped_text_is_not_scanned_when_nothing_could_pass():
    text = "2024年发布。由年的元增加到年"
    assert find_gaps(text) and all(g.reason.endswith("+intact") for g in find_gaps(text))
    assert find_gaps(text, min_confidence=0.5) == []
    assert find_gaps("由年的元增加到年", min_confidence=0.5)


@pytest.mark.parametrize(
    "text, found",
    [
        ("增长.5%", [(2, "decimal")]),  # dec: a point with no number before it
        ("3.5%", []),  # a whole decimal: nothing deleted
        ("达5.万元", [(3, "decimal")]),  # dectail: 5.‸万
        ("占%。", [(1, "percent")]),
        ("0x%41", []),  # %41: an escape, not a percent
        ("第一行\n+的增长", [(4, "plus")]),  # + at a line start
        ("“+”", [(1, "quoted-plus")]),
        ("a+b", []),
        ("第号文件", [(1, "ordinal")]),  # read after 第
        ("次第号", []),
        ("（）", [(1, "empty-brackets")]),
        ("在到30万元", [(1, "range")]),
        ("——", []),  # a run of dashes is punctuation
    ],
)
def test_each_sign_rule_fires_where_it_should(text, found):
    from restore.gaps.signs import _sign_gaps

    out: dict[int, tuple[float, str]] = {}
    _sign_gaps(text, out)
    assert [(p, reason) for p, (_, reason) in sorted(out.items())] == found


def test_a_variable_or_a_home_folder_is_no_deleted_number():
    """%HOMEPATH% and ~/ are a shell's, not a share or a range whose number went."""
    assert find_gaps("运行 cd %HOMEPATH% 和 mkdir ~/hello 命令") == []
    assert [g.reason for g in find_gaps("同比增长%，约~度")] == ["percent"]  # a share still is one


@pytest.mark.parametrize(
    "text, found",
    [
        ("发帖时间 -05-17 09:30", [(5, "date")]),  # 2011-05-17 with its year deleted
        ("更新于 /12/31", [(4, "date")]),
        ("（-07-01）", [(1, "date")]),
        ("2011-05-17", []),  # an intact date
        ("v1.2-05-17", []),  # a version string keeps its digits before the dash
        ("分机 010-05-17", []),
        ("第-13-01", []),  # no month 13
        ("水彩画\nxcm", [(4, "size"), (5, "size")]),  # 40x60cm, both numbers deleted
        ("画布 30xcm", [(6, "size")]),  # 30x‸cm
        ("尺寸：x45厘米", [(3, "size")]),  # ‸x45厘米
        ("30x45cm", []),
        ("box cm", []),
        ("注册日期: -6-7\n上次访问", [(6, "date")]),  # a forum's 2009-6-7
        ("回复于 -6-7号楼", []),  # one-digit parts only before a space or the end
        ("演员表（，上海人）", [(4, "before-comma")]),  # a birth year before the comma
        ("用逗号（，）隔开", []),  # the comma named, in brackets
        ("说得对！ +\n下一楼", [(6, "plus-end")]),  # "+1024", a forum's agreement
        ("a+\nb", []),
    ],
)
def test_dates_sizes_and_bare_signs_lose_their_numbers_where_they_show(text, found):
    from restore.gaps.signs import _bare_sign_gaps, _date_and_size_gaps

    out: dict[int, tuple[float, str]] = {}
    _date_and_size_gaps(text, out)
    _bare_sign_gaps(text, out)
    assert [(p, reason) for p, (_, reason) in sorted(out.items())] == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("原文见 https://example.org/blog//hello-world 一文", [29]),  # /2021/ gone
        ("图：http://example.org/uploads//07/cat.png", [29]),
        ("链接 https://example.org/a/b/ 和 a//b", []),  # no empty segment; not an address
        ("file:///etc/hosts", []),
    ],
)
def test_an_empty_segment_of_a_web_address_held_a_number(text, found):
    assert [g.offset for g in find_gaps(text) if g.reason == "url"] == found


def test_the_gap_model_is_not_asked_about_web_addresses():
    """The corpora's extraction removed every address, so the model never saw one: on a
    page with no other gap, an address's empty segment still stands."""
    text = "详见 https://example.org/posts//notes 的说明。"
    assert [e.start for e in restore_text(text).edits if e.kind == "gap"] == [text.rindex("//") + 1]


# A page that spaces its numbers from Han text (and Latin words: Go, API).
SPACED_PAGE = "用 Go 写的 API 服务，共  个接口。\n 年 3 月上线，去年在 年底改版。"


def test_a_page_that_spaces_its_numbers_is_read_without_those_spaces():
    found = {g.offset: g.reason for g in find_gaps(SPACED_PAGE)}
    count = SPACED_PAGE.index("共  个") + 2  # between the two spaces: 共 361 个
    year = SPACED_PAGE.index("\n 年") + 1  # before the space at a line's start: 2023 年
    late = SPACED_PAGE.index("在 年") + 2  # after the space that follows Han: 在 2022年底
    assert found.get(count, "").startswith("unit:个")
    assert found.get(year, "").startswith("year")
    assert found.get(late, "").startswith("year")


def test_a_page_that_does_not_space_its_numbers_is_read_as_it_is():
    from restore.gaps.spacing import spaces_numbers

    text = "共  个接口。"  # two spaces, but the page shows no such convention
    assert not spaces_numbers(text) and spaces_numbers(SPACED_PAGE)
    assert [g.offset for g in find_gaps(text)] == [text.index("个")]  # where the rule puts it


def test_the_view_keeps_the_spaces_between_two_numbers_and_maps_back():
    from restore.gaps.spacing import despaced

    page = despaced("于 -10-20 16:30，共  个，用 Go 写")
    assert page.view == "于-10-20 16:30，共个，用 Go 写"  # 20 16 are two numbers; Go is a word
    assert page.gap_at(page.view.index("-")) == len("于 ")  # 于 2020-10-20: after the space
    assert page.gap_at(page.view.index("个")) == len("于 -10-20 16:30，共 ")  # between the two
    assert page.from_gap(len("于 -10-20 16:30，共 ")) == page.view.index("个")
    assert page.to_view(1) is None and page.to_view(2) == 1


def test_no_number_stood_before_an_idiom():
    """可达万劫不复: 万 after a verb that takes numbers, but the start of an idiom of
    jieba's dictionary (lexicons/gaps/idioms.tsv); a count after the same verb is a gap."""
    assert find_gaps("错下去，就可达万劫不复的地步。") == []
    assert [g.reason for g in find_gaps("参观人数可达万人次。")] == ["unit:万"]


def test_a_page_of_bare_decimals_writes_them_so():
    """APA style drops a decimal's leading zero (p<.01, .52**): no deletion leaves those,
    so the page's other bare decimals are its style too. Without such a sign a bare
    decimal is what a deleted integer part leaves."""
    table = "表2 相关矩阵\n1. 群体凝聚力  —\n2. 组织承诺  .52**  —\n3. 离职意向  -.33**  -.47**  —\n**p<.01"
    assert not [g for g in find_gaps(table) if table[g.offset : g.offset + 2].lstrip("-").startswith(".")]
    assert [e for e in restore_text(table).edits if e.kind == "gap"] == []
    assert find_gaps("相关系数为.52（p < .05），均为正相关。") == []
    assert [g.reason for g in find_gaps("增长率为.52，比上年的-.33有所回升。")] == ["decimal", "decimal"]


def test_a_list_marker_and_a_closing_dash_keep_their_spaces():
    """On a page that spaces its numbers, ``- 第一项`` is a list item and ``史铁生 -`` closes
    a line of a reading list: their lone spaces separate, and no gap is read there."""
    page = "书单 23 版：\n- 我与地坛 - 史铁生 -\n- 活着 - 余华 -\n读了 Go 和 C 的书，共  个作者。"
    marked = {e.start for e in restore_text(page).edits if e.kind == "gap"}
    assert marked == {page.index("  个") + 1}  # only 共 12 个, which lost its number


@pytest.mark.parametrize(
    "text",
    [
        "签发日期：____年__月__日",
        "请在×个月内书面答复",
        "（盖章）\n年 月 日\n",
        "○○县城关镇○○个村",
        "签订日期：****年**月**日",
    ],
)
def test_a_templates_room_for_a_number_is_no_gap(text):
    assert find_gaps(text) == []


def test_a_deleted_year_after_masks_is_still_a_gap():
    """于**‸年*月 (于党政2019年8月): only a starred 年**月**日 is a template's."""
    assert [g.offset for g in find_gaps("庆典于**年*月举行")] == [5]


def test_a_damaged_date_beside_spaces_is_still_a_gap():
    assert [g.offset for g in find_gaps("截至年 9 月底")] == [2]
    assert [g.offset for g in find_gaps("截图_年10月.png")] == [3]


@pytest.mark.parametrize("text", ["吵了多少架\n-，-现在分了", "进展神速啊-，-\n不过", "无语-_-||", "好吧-.-"])
def test_an_emoticons_dash_eyes_are_no_range(text):
    assert [g for g in find_gaps(text) if g.reason == "range"] == []


@pytest.mark.parametrize("text", ["UP主：-阿彦- #bilibili", "作者：-小白-"])
def test_a_name_set_off_by_dashes_is_no_range(text):
    assert [g for g in find_gaps(text) if g.reason == "range"] == []


def test_a_range_beside_a_unit_is_still_a_gap():
    assert [g.offset for g in find_gaps("价格在-万元之间")] == [4]


def test_a_range_beside_punctuation_is_still_a_gap():
    assert [g.offset for g in find_gaps("（-）：他的生卒年")] == [1, 2]


def test_a_list_items_number_is_no_decimal():
    """``2.米帝…`` at a line's start numbers an item; ``增长了2.万元`` lost its decimals."""
    assert find_gaps("理由如下：\n2.米帝经济发达\n3.米帝技术先进") == []
    assert [(g.offset, g.reason) for g in find_gaps("增长了2.万元")] == [(5, "decimal")]


def test_a_plus_alone_on_its_line_lost_its_number_after_it_not_before():
    """A post's "+1" whose number was deleted leaves a lone + on its line: if anything
    stood there it followed the sign (+‸), as the plus-end rule reads it."""
    text = "说得好\n+\n哈哈"
    found = {g.offset: g.reason for g in find_gaps(text)}
    assert text.index("+") not in found
    assert found.get(text.index("+") + 1) == "plus-end"


# --------------------------------------------------------------------------- #
# Machine-written numbers: addresses, ports, issue numbers, tables, code
# (restore/gaps/addresses.py, tables.py; the empty code span in signs.py)
# --------------------------------------------------------------------------- #


def test_a_wildcard_address_holds_no_other_rules_place():
    """'192.168.8.%' leaves '..8.%': the two empty fields, not the decimal tail 8.%."""
    text, offsets = parse("GRANT ALL TO 'jack'@'‸.‸.8.%';")
    assert kept(text) == offsets


def test_an_empty_code_span_held_a_number():
    """默认为 `9030` leaves 默认为 ``. Two backticks also open a double-backtick span and
    name the sign itself, so the place stands only alone on its line, not in brackets nor
    beside an unpaired backtick. After what gives a value (默认为) it stands alone;
    elsewhere it needs confident company (restore.gapmodel.NEED_COMPANY)."""
    assert [g.reason for g in find_gaps("`http_port` 默认为 ``。")] == ["empty-value"]
    assert [g.reason for g in find_gaps("通过 `` 端口连接 FE。")] == ["empty-code"]
    assert find_gaps("使用反引号（``）把名称引起来。") == []
    assert find_gaps("即 ` 可以表示为 ``。") == []
    assert [g for g in find_gaps("可以写成 ``cmd + [`` 或 ``cmd + ]``。") if g.reason == "empty-code"] == []
    valued = "`http_port` 默认为 ``，即不设置。"
    assert [e.start for e in restore_text(valued).edits if e.kind == "gap"] == [valued.index("``") + 1]
    damaged = "截至年9月底，共有个用户。\n通过 `` 端口连接。"
    clean = "通过 `` 端口连接，即不设置。"
    assert damaged.index("``") + 1 in {e.start for e in restore_text(damaged).edits if e.kind == "gap"}
    assert [e for e in restore_text(clean).edits if e.kind == "gap"] == []


ERROR_CODES = (
    "| 序号 | 错误码 | 描述 |\n|---|---|---|\n|28||客户端字符集不支持。|\n|||用户名或密码错误。|\n"
    "|6||未指定数据库。|\n|||没有权限。|\n"
)


def test_a_column_of_short_numbers_and_its_empty_neighbour_lost_their_long_numbers():
    cells = [
        ERROR_CODES.index("|28|") + 4,  # 错误码 of row 1
        *(ERROR_CODES.index("|||用户名") + k for k in (1, 2)),
        ERROR_CODES.index("|6|") + 3,
        *(ERROR_CODES.index("|||没有") + k for k in (1, 2)),
    ]
    found = [g for g in find_gaps(ERROR_CODES) if g.reason == "table-cell"]
    assert [g.offset for g in found] == sorted(cells)


@pytest.mark.parametrize(
    "table",
    [
        # an author's blank column: defaults or remarks left empty
        "| 参数 | 类型 | 默认值 | 说明 |\n|---|---|---|---|\n| uri | string | | 路径 |\n"
        "| method | string | | 方法 |\n| host | string | | 主机 |\n",
        # one blank size among short numbers
        "| 类型 | 位数 | 字节 |\n|---|---|---|\n| int | 32 | 4 |\n| char | 16 | 2 |\n| boolean | 1 | |\n",
    ],
)
def test_a_tables_own_blanks_are_no_gaps(table):
    assert [g for g in find_gaps(table) if g.reason == "table-cell"] == []


def test_a_call_is_no_sql_types_length():
    text = "SELECT f(), now(), CURRENT_TIMESTAMP(), x.char(), my_char() FROM t LIMIT 10;"
    assert [g for g in find_gaps(text) if g.reason == "sql"] == []


CLIENT_TABLE = """+-------+--------+------+
| id    | name   | Null |
+-------+--------+------+
|     1 | a      | Yes  |
|    | b      | Yes  |
|    12 | c      |      |
+-------+--------+------+
"""


def test_a_client_tables_cell_narrower_than_its_column_lost_its_number():
    """A database client pads each cell to its column's width: the blank cell three
    characters short held a number of three digits, right-aligned as the column's kept
    numbers are; the blank cell of full width is a value left empty."""
    text = "查询结果：\n```\n" + CLIENT_TABLE + "```\n"
    marked = [e.start for e in restore_text(text).edits if e.kind == "gap"]
    assert marked == [text.index("|    | b") + 4]
    left = CLIENT_TABLE.replace("|     1 |", "| 1     |").replace("|    12 |", "| 12    |")
    assert [g.offset for g in find_gaps(left) if g.reason == "table-cell"] == [left.index("|    | b") + 2]


def test_only_machine_forms_are_read_inside_code():
    """A yearless date or an address in code lost its digits as prose does; code's own
    signs (``*(a + 1)``, ``f()``) look to the language rules like deleted numbers."""
    page = (
        "示例：\n```sql\nSELECT * FROM t WHERE d = '-05-20' AND ip = '..1.1';\nint v = *(a + 1); f();\n```\n"
    )
    marked = sorted(e.start for e in restore_text(page).edits if e.kind == "gap")
    date = page.index("'-05-20'") + 1
    address = page.index("'..1.1'") + 1
    assert marked == [date, address, address + 1]


def test_a_lone_space_after_a_sign_is_placed_by_how_the_page_writes_its_numbers():
    """| 300万 | leaves | 万 |: on a page that writes its numbers against the Han after
    them the number stood after the space; on one that spaces them (2023 年 8 月), before."""
    attached = "共有 12个 节点，其中 FE 3个，版本 v2 。\n| 表 | 行数 |\n|---|---|\n| customer | 万 |\n"
    spaced = "用 Go 写的 API 服务，共 3 个接口。\n 年 3 月上线，去年在 年底改版。"
    assert kept(attached) == [attached.index("| 万") + 2]
    assert spaced.index("\n 年") + 1 in kept(spaced)
    # prose that spaces its numbers, a table that writes them against their unit
    mixed = "共 13 个查询，快 2 倍，在 6 亿行上。\n| 表 | 行数 |\n|---|---|\n| a | 6亿 |\n| b | 万 |\n"
    assert kept(mixed) == [mixed.index("| 万") + 2]


def test_a_list_marker_inside_a_quote_keeps_its_space():
    page = (
        "用 Go 写的 API 服务，共 3 个接口。\n> 注意：\n>\n> - 实际场景中，一个 Fragment 会用到 2 个线程。\n"
    )
    assert kept(page) == []
