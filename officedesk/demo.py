"""Realistic sample data for a forestry enterprise's office: every register, several years."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from officedesk import demo_archive
from officedesk.core.docnumber import format_serial
from officedesk.core.fields import Record
from officedesk.core.registers import (
    INCOMING_DOCUMENT,
    MEETING,
    SUPERVISION,
)
from officedesk.core.supervision import status as supervision_status
from officedesk.core.workdays import WorkCalendar
from officedesk.core.workflow import STAGE_OF_STATUS
from officedesk.storage import bulk, directory, records, settings
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError

UNIT_NAME = "青山林业局"

# (来文机关, 发文代字 that its 文号 use, 文种 it usually sends)
SENDERS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("国家林业和草原局", ("林办发", "林资发", "林护发", "林生发"), ("通知", "意见", "通报")),
    ("国家林业和草原局办公室", ("办资字", "办护字"), ("通知", "函")),
    ("省林业和草原局", ("林草发", "林草办发", "林草函"), ("通知", "通报", "意见", "函")),
    ("省人民政府办公厅", ("政办发", "政办明电"), ("通知", "意见")),
    (
        "省森林工业集团有限责任公司",
        ("森工发", "森工办发", "森工函"),
        ("通知", "决定", "通报", "纪要"),
    ),
    ("市人民政府", ("市政发", "市政办发"), ("通知", "决定")),
    ("市应急管理局", ("市应急发", "市应急函"), ("通知", "函")),
    ("省自然资源厅", ("自然资发", "自然资函"), ("通知", "函", "批复")),
    ("省生态环境厅", ("环发", "环函"), ("通知", "函")),
    ("市森林消防支队", ("森消函",), ("函", "通报")),
    ("县人民政府办公室", ("县政办发", "县政办函"), ("通知", "函")),
    ("省财政厅", ("财农", "财资"), ("通知", "批复")),
    ("省人民政府国有资产监督管理委员会", ("国资发", "国资函"), ("通知", "意见")),
    ("重庆市林业局", ("渝林函",), ("函",)),
    ("东风林场", ("东林字",), ("请示", "报告")),
    ("青松林场", ("青林字",), ("请示", "报告")),
    ("森林经营所", ("森经字",), ("报告", "请示")),
    ("局工会委员会", ("工字",), ("报告", "通知")),
)
TOPICS = (
    "{y}年春季森林防火工作", "{y}年冬季森林防火工作", "林木采伐限额管理", "野生动植物保护专项行动",
    "天然林保护修复", "安全生产大检查", "森林督查发现问题整改", "林业有害生物防治", "国有林场改革",
    "{y}年度部门预算编制", "党风廉政建设责任制落实", "汛期安全防范", "林长制工作", "生态护林员管理",
    "造林绿化质量检查", "林草湿调查监测", "防汛抗旱", "职工教育培训计划", "信访工作", "统计年报报送",
    "松材线虫病疫情防控", "林区道路维修", "国有资产清查", "森林资源管理“一张图”更新",
    "重点生态工程建设", "林下经济发展", "森林草原防灭火指挥部成员调整", "古树名木保护",
    "营造林作业设计审批", "保密工作检查",
)  # fmt: skip
VERBS = ("做好", "开展", "加强", "印发", "转发", "进一步做好", "报送", "落实")
SUBJECT_FOR_TYPE = {
    "请示": "关于{topic}经费的请示", "报告": "关于{topic}情况的报告", "批复": "关于{topic}的批复",
    "函": "关于商请协助{topic}的函", "纪要": "{topic}专题会议纪要", "通报": "关于{topic}情况的通报",
    "决定": "关于{topic}的决定",
}  # fmt: skip
DEPARTMENTS = (
    "办公室", "党委办公室", "资源管理科", "森林防火办公室", "营林科", "财务科", "人力资源科",
    "安全生产科", "纪检监察室", "工会", "计划统计科", "林政稽查大队", "野生动植物保护站",
)  # fmt: skip
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红海燕文斌鹏辉宇晨雪松林"
LEADERS = ("刘局长", "王书记", "张副局长", "陈副局长", "李总工")
REMARKS = ("", "", "", "", "", "", "原件存档", "电子公文", "传真件", "已电话通知承办科室",
           "附件另送", "随文附表格", "请于周五前反馈")  # fmt: skip


@dataclass
class DemoReport:
    """How many rows demo wrote per register."""

    counts: dict[str, int]
    seconds: float


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


class _DueCache:
    """Working-day deadlines computed once per (start, n): a million rows share a few thousand."""

    def __init__(self) -> None:
        self.calendar = WorkCalendar()
        self.cache: dict[tuple[dt.date, int, str], tuple[dt.date, bool]] = {}

    def due(self, start: dt.date, n: int, unit: str) -> tuple[dt.date, bool]:
        key = (start, n, unit)
        hit = self.cache.get(key)
        if hit is None:
            if unit == "工作日":
                hit = self.calendar.add_workdays(start, n)
            else:
                hit = self.calendar.add_calendar_days(start, n)
            self.cache[key] = hit
        return hit


def _times(
    rng: random.Random, n: int, start: dt.datetime, end: dt.datetime
) -> Iterator[dt.datetime]:
    """`n` increasing times in office hours (08:00–17:30) on the weekdays between start and end."""
    days = [
        start.date() + dt.timedelta(days=k) for k in range((end.date() - start.date()).days + 1)
    ]
    days = [d for d in days if d.weekday() < 5] or [start.date()]
    minutes_a_day = 570
    total = len(days) * minutes_a_day
    for i in range(n):
        position = total * (i + rng.random() * 0.9) / n
        day, minute = divmod(int(position), minutes_a_day)
        yield dt.datetime.combine(days[day], dt.time(8 + minute // 60, minute % 60))


def _span(today: dt.date, first_year: int, last_year: int) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime(first_year, 1, 2, 8, 0)
    end = (dt.datetime.combine(today, dt.time(17, 30)) if last_year >= today.year
           else dt.datetime(last_year, 12, 31, 17, 30))  # fmt: skip
    return start, end


def documents(
    rng: random.Random, n: int, today: dt.date, years: int, template: str,
    first_year: int | None = None, last_year: int | None = None,
) -> Iterator[Record]:  # fmt: skip
    """`n` 收文 rows over the last `years` years up to `today` (or over whole years
    first_year..last_year), values in stored form; serials start at 1 in each year."""
    due_cache = _DueCache()
    first = first_year if first_year is not None else today.year - years + 1
    start, end = _span(today, first, last_year if last_year is not None else today.year)
    serial_no: dict[int, int] = {}
    ref_no: dict[tuple[str, int], int] = {}
    handlers = [_person(rng) for _ in range(40)]
    receivers = [_person(rng) for _ in range(3)]
    rnd = rng.random

    def pick(seq: tuple[Any, ...] | list[Any]) -> Any:
        # random.choice costs ~0.6 µs; a million rows make a dozen picks each.
        return seq[int(rnd() * len(seq))]

    for when in _times(rng, n, start, end):
        year = when.year
        serial_no[year] = serial_no.get(year, 0) + 1
        sender, codes, types = pick(SENDERS)
        doc_type = pick(types)
        code = pick(codes)
        ref_no[(code, year)] = k = ref_no.get((code, year), 0) + rng.randint(1, 3)
        topic = pick(TOPICS).format(y=year)
        pattern = SUBJECT_FOR_TYPE.get(doc_type)
        title = pattern.format(topic=topic) if pattern else f"关于{pick(VERBS)}{topic}的{doc_type}"
        received = when.date()
        u = rnd()
        urgency = "无" if u < 0.85 else ("加急" if u < 0.95 else "特急")
        handling = (
            "办件"
            if urgency != "无" or doc_type in ("请示", "函") or rng.random() < 0.35
            else "阅件"
        )
        u = rnd()
        secrecy = "无" if u < 0.95 else ("秘密" if u < 0.99 else "机密")
        age = (today - received).days
        rec: dict[str, Any] = {
            "serial": format_serial(template, year, serial_no[year]),
            "received_at": when.isoformat(sep=" "),
            "receiver": pick(receivers),
            "sender": sender,
            "sender_ref": f"{code}〔{year}〕{k}号",
            "doc_type": doc_type,
            "title": title,
            "issued_on": (received - dt.timedelta(days=rng.randint(1, 6))).isoformat(),
            "secrecy": secrecy,
            "secrecy_term": "" if secrecy == "无" else f"{secrecy}★{pick((5, 10))}年",
            "urgency": urgency,
            "copies": pick((1, 1, 1, 2, 3)),
            "pages": rng.randint(1, 24),
            "handling": handling,
            "lead_dept": pick(DEPARTMENTS),
            "handler": pick(handlers),
            "remarks": pick(REMARKS),
            "due_estimated": 0,
            "status": "已登记",
        }
        if handling == "办件":
            unit = pick(("自然日", "工作日"))
            days = pick((3, 5, 7)) if urgency != "无" else pick((5, 10, 15, 30))
            due, estimated = due_cache.due(received, days, unit)
            rec.update(due_date=due.isoformat(), due_n=days, due_unit=unit,
                       due_estimated=int(estimated))  # fmt: skip
            rec["proposal"] = f"拟请{rec['lead_dept']}牵头办理，{pick(LEADERS)}阅示。"
            rec["instruction"] = f"同意，请{rec['lead_dept']}抓紧落实。"
            rec["instructed_by"] = pick(LEADERS)
            finish = received + dt.timedelta(days=rng.randint(1, days + 6))
            if finish < today and (age > 45 or rng.random() < 0.6):
                rec.update(done_on=finish.isoformat(), result="已按要求办理完毕", status="已办结")
                if year < today.year and rng.random() < 0.7:
                    rec["status"] = "待归档"  # demo_archive files some of them as 件
            else:
                rec["status"] = "办理中"
        else:
            read = received + dt.timedelta(days=rng.randint(1, 4))
            if read < today:
                rec.update(done_on=read.isoformat(), result="已传阅", status="已办结")
            else:
                rec["status"] = "传阅中"
        rec["stage"] = STAGE_OF_STATUS[rec["status"]]
        if rng.random() < 0.001:
            rec.update(voided_at=when.isoformat(sep=" "), void_reason="重复登记")
        yield rec


def _small_registers(rng: random.Random, today: dt.date) -> dict[Any, list[Record]]:
    """A few dozen rows for each of the other registers, so every tab has something to show."""
    out: dict[Any, list[Record]] = {}
    sup = []
    for i in range(1, 41):
        d = today - dt.timedelta(days=rng.randint(0, 200))
        due = d + dt.timedelta(days=rng.choice((10, 15, 30)))
        done = (
            due - dt.timedelta(days=rng.randint(0, 5))
            if due < today and rng.random() < 0.7
            else None
        )
        sup.append({
            "serial": f"督〔{d.year}〕{i}号", "source": rng.choice(("上级文件", "会议决定", "领导批示")),
            "assigned_on": d, "content": f"落实{rng.choice(TOPICS).format(y=d.year)}有关要求",
            "lead_unit": rng.choice(DEPARTMENTS), "leader": rng.choice(LEADERS), "owner": _person(rng),
            "due_date": due, "done_on": done, "status": supervision_status(due, done, False, today),
        })  # fmt: skip
    out[SUPERVISION] = sup
    rooms = ("一楼会议室", "三楼党委会议室", "五楼大会议室", "视频会议室")
    out[MEETING] = [
        {"name": rng.choice(("局长办公会", "党委会", "森林防火专题会", "安全生产例会", "周例会")),
         "category": rng.choice(("党委会", "总经理办公会", "专题会", "例会")),
         "starts_at": (s := dt.datetime.combine(today + dt.timedelta(days=rng.randint(-30, 30)),
                                                dt.time(rng.choice((8, 9, 14, 15)), 30))),
         "ends_at": s + dt.timedelta(hours=rng.choice((1, 2))), "room": rng.choice(rooms),
         "host_dept": "办公室", "chair": rng.choice(LEADERS)}
        for _ in range(30)
    ]  # fmt: skip
    return out


PARALLEL_FROM = 50_000  # below this a second process costs more than it saves
PARTS = 8  # smaller parts let copying start early while the rest are still being made
CHUNK = 10_000


Part = tuple[int, int, int, int]  # (seed, rows, first year, last year)


def _parts(seed: int, rows: int, today: dt.date, years: int, workers: int) -> list[Part]:
    """Split the years into `workers` runs of whole years, rows shared by the time they span."""
    first = today.year - years + 1
    bounds = [first + round(years * k / workers) for k in range(workers + 1)]
    spans = []
    for k in range(workers):
        start, end = _span(today, bounds[k], bounds[k + 1] - 1)
        spans.append((end - start).total_seconds())
    total = sum(spans)
    counts = [round(rows * s / total) for s in spans]
    counts[-1] = rows - sum(counts[:-1])
    return [(seed ^ (0x5EED + k), counts[k], bounds[k], bounds[k + 1] - 1) for k in range(workers)]


def _document_chunks(part: Part, today: dt.date, template: str) -> Iterator[list[records.BulkRow]]:
    seed, rows, first, last = part
    rng = random.Random(seed)
    made = documents(rng, rows, today, last - first + 1, template, first, last)
    return records.chunked(records.prepare_bulk(INCOMING_DOCUMENT, made, stored_form=True), CHUNK)


def _write_part(path: str, part: Part, today: dt.date, template: str, first_id: int) -> int:
    """Worker process: make one part's rows and write them to a scratch file."""
    seed, rows, first, last = part
    made = documents(random.Random(seed), rows, today, last - first + 1, template, first, last)
    prepared = records.prepare_bulk(INCOMING_DOCUMENT, made, stored_form=True)
    return bulk.write_part_file(Path(path), INCOMING_DOCUMENT, prepared, first_id)


def _load_in_parallel(store: Store, parts: list[Part], today: dt.date, template: str) -> int:
    """Parts made and written to scratch files by two worker processes, each copied into the
    store as soon as it is ready while the next ones are being made; ids still follow time.

    The Python work (making rows, search tokens) runs on both cores; the store's process only
    copies finished files at C speed and rebuilds the indexes once at the end.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    first_id = records.next_id(store, INCOMING_DOCUMENT)
    paths = [store.data_dir / f"demo-part-{k}.tmp.db" for k in range(len(parts))]
    starts = [first_id + sum(p[1] for p in parts[:k]) for k in range(len(parts))]
    context = multiprocessing.get_context("spawn")
    with (
        bulk.attached_parts(store, INCOMING_DOCUMENT, paths) as aliases,
        ProcessPoolExecutor(2, mp_context=context) as pool,
    ):
        futures = [
            pool.submit(_write_part, str(path), part, today, template, start)
            for path, part, start in zip(paths, parts, starts, strict=True)
        ]
        return bulk.copy_attached(store, INCOMING_DOCUMENT, aliases,
                                      wait_for=lambda k: futures[k].result())  # fmt: skip


def fill(
    store: Store,
    rows: int = 2000,
    *,
    seed: int = 20261121,
    today: dt.date | None = None,
    years: int | None = None,
    progress: Callable[[str], None] | None = None,
    supervision: int = 0,
) -> DemoReport:
    """Fill every register with sample data: `rows` 收文 plus a few dozen rows in each other one."""
    import time

    started = time.perf_counter()
    existing = records.next_id(store, INCOMING_DOCUMENT) - 1
    if existing:
        # Sample serials start at 1 each year: they would collide with a real register's.
        raise ValidationError(
            f"数据文件夹「{store.data_dir}」中已有收文登记 {existing} 条，示例数据只能填入新的数据文件夹。"
            "请用 --data-dir 指定一个空文件夹，例如 officedesk --data-dir D:\\示例 demo"
        )
    rng = random.Random(seed)
    today = today or dt.date.today()
    years = years or (3 if rows <= 10_000 else 8)
    say = progress or (lambda _msg: None)
    if settings.get(store, "unit_name") == "某某林业局":
        settings.set_many(store, {"unit_name": UNIT_NAME})
    template = str(settings.get(store, "document_serial_template"))
    counts: dict[str, int] = {}
    small = _small_registers(rng, today)
    say(f"正在生成 {rows} 条收文…")
    if rows >= PARALLEL_FROM:
        parts = _parts(seed, rows, today, years, PARTS)
        counts[INCOMING_DOCUMENT.key] = _load_in_parallel(store, parts, today, template)
    else:
        with bulk.bulk_load(store, (INCOMING_DOCUMENT,)):
            chunks = _document_chunks(_parts(seed, rows, today, years, 1)[0], today, template)
            counts[INCOMING_DOCUMENT.key] = records.write_bulk(store, INCOMING_DOCUMENT, chunks)
    for register, items in small.items():
        counts[register.key] = records.bulk_insert(store, register, items)
    from officedesk import demo_reception  # 来访、公务接待、信访 (issue 6)

    counts.update(demo_reception.fill(store, random.Random(seed + 6), today))
    for year, last in store.read(
        "SELECT CAST(substr(received_at, 1, 4) AS INTEGER), count(*) FROM incoming_document "
        "GROUP BY 1"
    ):
        records.raise_serial_counter(store, INCOMING_DOCUMENT, year, last)
    _fill_directory(store, rng)
    say("正在归档示例收文…")
    counts.update(demo_archive.fill(store, rng, today))
    from officedesk import demo_meetings

    counts[MEETING.key] += demo_meetings.fill(store, rng, today)
    from officedesk import demo_workflow

    if supervision:
        say(f"正在生成 {supervision} 条督办事项…")
    extra = demo_workflow.fill(store, supervision=supervision, today=today)
    counts[SUPERVISION.key] = counts.get(SUPERVISION.key, 0) + extra.pop("supervision_extra", 0)
    counts.update(extra)
    return DemoReport(counts, time.perf_counter() - started)


def _fill_directory(store: Store, rng: random.Random) -> None:
    """Departments, people and outside units, so completion has something to offer."""
    for name in DEPARTMENTS:
        if not directory.complete(store, "departments", name, limit=1):
            directory.add_department(store, name)
    for _ in range(25):
        name = _person(rng)
        if not directory.complete(store, "people", name, limit=1):
            directory.add_person(store, name, department=rng.choice(DEPARTMENTS), post="科员")
    directory.rebuild_units_from_register(store)
