"""Sample 接待 data: visitors (some on site now, some past the retention period), official
receptions with guests, meals and costs, and petitions at every stage (some overdue)."""

from __future__ import annotations

import datetime as dt
import random

from officedesk.core.fields import Record
from officedesk.core.reception import id_check_character
from officedesk.core.registers import VISITOR
from officedesk.storage import reception as rs
from officedesk.storage import records
from officedesk.storage.db import Store

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕欧阳"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红海燕文斌鹏辉宇晨雪松林"
REGIONS = ("110105", "230102", "230602", "231002", "440301", "310104", "510104", "220102")
UNITS = ("省林业和草原局", "市林业局", "县人民政府办公室", "市应急管理局", "东风林场", "青松林场",
         "省森林工业集团有限责任公司", "市森林消防支队", "某某建筑工程有限公司", "县农村信用社")  # fmt: skip
HOSTS = (
    "办公室",
    "资源管理科",
    "森林防火办公室",
    "营林科",
    "财务科",
    "刘局长",
    "王书记",
    "张副局长",
)
PURPOSES = ("工作联系", "检查指导", "送达文件", "业务洽谈", "林权咨询", "项目对接", "施工协调",
            "送年度报表", "防火检查")  # fmt: skip
POSTS = ("处长", "副处长", "科长", "副科长", "主任科员", "科员", "副局长", "调研员")
CLAIMS = ("反映林地承包合同纠纷", "反映护林员工资发放问题", "反映林区道路损毁", "咨询林权证办理进度",
          "反映采伐指标分配不公", "反映退耕还林补助未到位")  # fmt: skip


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _id_number(rng: random.Random) -> str:
    born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 40))
    first = f"{rng.choice(REGIONS)}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return first + id_check_character(first)


def sample_visitors(rng: random.Random, today: dt.date, n: int) -> list[Record]:
    """`n` past visits (regular visitors come back) and three people on site now."""
    regulars = [(_person(rng), rng.choice(UNITS), _id_number(rng), rng.choice(HOSTS))
                for _ in range(12)]  # fmt: skip
    out: list[Record] = []
    for i in range(n):
        # Most visits in the last two months, a few past the default 24-month retention.
        back = rng.randint(0, 60) if i % 10 else rng.randint(700, 900)
        arrived = dt.datetime.combine(today - dt.timedelta(days=back),
                                      dt.time(rng.randint(8, 16), rng.randint(0, 59)))  # fmt: skip
        if rng.random() < 0.4:
            name, unit, number, host = rng.choice(regulars)
        else:
            name, unit, number, host = (_person(rng), rng.choice(UNITS),
                                        _id_number(rng) if rng.random() < 0.6 else None,
                                        rng.choice(HOSTS))  # fmt: skip
        out.append({
            "arrived_at": arrived, "left_at": arrived + dt.timedelta(minutes=rng.randint(20, 150)),
            "name": name, "unit": unit, "id_type": "居民身份证" if number else None,
            "id_number": number, "purpose": rng.choice(PURPOSES), "host": host,
            "companions": rng.choice((0, 0, 0, 1, 2)), "phone": f"13{rng.randint(0, 10**9 - 1):09d}",
            "plate": rng.choice(("", "", f"黑A{rng.randint(10000, 99999)}")) or None,
        })  # fmt: skip
    now = dt.datetime.now().replace(second=0, microsecond=0)
    for k in range(3):  # still on site this morning
        name, unit, number, host = regulars[k]
        out.append({"arrived_at": now - dt.timedelta(minutes=25 * (k + 1)), "name": name,
                    "unit": unit, "id_type": "居民身份证", "id_number": number,
                    "purpose": rng.choice(PURPOSES), "host": host})  # fmt: skip
    out.sort(key=lambda r: r["arrived_at"])
    return out


def _receptions(store: Store, rng: random.Random, today: dt.date, n: int) -> int:
    for i in range(1, n + 1):
        start = today - dt.timedelta(days=rng.randint(0, 150))
        guests = [{"name": _person(rng), "post": rng.choice(POSTS)}
                  for _ in range(rng.choice((2, 3, 4, 5, 8, 12)))]  # fmt: skip
        n_guests = len(guests)
        lines = rs.ReceptionLines(
            guests=guests,
            companions=[{"name": _person(rng), "post": rng.choice(("副局长", "办公室主任"))}],
            meals=[{"day": start.isoformat(), "kind": "工作餐", "guests": n_guests,
                    "staff": min(2, n_guests // 3 or 2), "place": "局机关食堂",
                    "amount_fen": (n_guests + 2) * rng.choice((60, 80, 100)) * 100}],
            costs=[{"item": "住宿", "amount_fen": n_guests * 38000, "note": "标准间"}]
            if rng.random() < 0.5 else [],
        )  # fmt: skip
        letter = rng.random() < 0.85
        values = {
            "kind": "公务", "sending_unit": rng.choice(UNITS[:5]),
            "letter_ref": f"林函〔{start.year}〕{i}号" if letter else None,
            "letter_date": start - dt.timedelta(days=5) if letter else None,
            "letter_guests": "、".join(g["name"] for g in guests) if letter else None,
            "approved_by": "刘局长" if letter else None,
            "approved_on": start - dt.timedelta(days=3) if letter else None,
            "starts_on": start, "ends_on": start + dt.timedelta(days=rng.choice((0, 1))),
            "activities": rng.choice(("森林防火工作检查", "天然林保护工程验收", "调研国有林场改革")),
            "venue": "局机关会议室", "lodging": "局招待所" if lines.costs else None,
            "room_type": "标准间" if lines.costs else None, "room_rate": 380 if lines.costs else None,
        }  # fmt: skip
        rs.save_reception(store, values, lines)
    return n


def _petitions(store: Store, rng: random.Random, today: dt.date, n: int) -> int:
    for _ in range(n):
        received = today - dt.timedelta(days=rng.randint(0, 120))
        p = rs.save_petition(store, {
            "form": rng.choice(("来信", "来访", "电话", "网络")), "received_on": received,
            "petitioner": _person(rng), "people": 1, "claim": rng.choice(CLAIMS),
            "contact": f"13{rng.randint(0, 10**9 - 1):09d}",
        })  # fmt: skip
        stage = rng.random()
        if stage < 0.15 or received > today - dt.timedelta(days=3):
            continue  # waiting for the 受理 notice
        accepted = min(received + dt.timedelta(days=rng.randint(2, 12)), today)
        if stage < 0.25:
            rs.record_step(store, p["id"], "不予受理", accepted, note="不属于本单位职责范围")
            continue
        rs.record_step(store, p["id"], "受理", accepted)
        if rng.random() < 0.2:
            rs.record_step(store, p["id"], "转送", accepted, to_whom="县人民政府信访局")
            continue
        rs.record_step(store, p["id"], "交办", accepted, to_whom=rng.choice(HOSTS[:5]))
        rs.save_petition(store, {"handler": _person(rng)}, p["id"])
        if stage < 0.35 and accepted + dt.timedelta(days=50) < today:
            rs.record_step(store, p["id"], "延期", accepted + dt.timedelta(days=50), days=30,
                           note="需会同乡镇现场核查")  # fmt: skip
        replied = accepted + dt.timedelta(days=rng.randint(20, 70))
        if replied < today and stage > 0.5:
            rs.record_step(store, p["id"], "答复", replied)
            review = replied + dt.timedelta(days=10)
            if stage > 0.9 and review < today:
                rs.record_step(store, p["id"], "复查申请", review)
    return n


def fill(store: Store, rng: random.Random, today: dt.date) -> dict[str, int]:
    """Fill the three 接待 registers; returns the rows added per register key."""
    visitors = sample_visitors(rng, today, 120)
    return {
        "visitors": records.bulk_insert(store, VISITOR, visitors),
        "receptions": _receptions(store, rng, today, 15),
        "petitions": _petitions(store, rng, today, 14),
    }
