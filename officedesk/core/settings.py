"""Every setting declared once, with its type, default and Chinese label.

Each area adds its settings to SETTINGS with its own `group` (a page of the settings dialog)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from officedesk.core.docnumber import DEFAULT_SERIAL_TEMPLATE, check_serial_template


@dataclass(frozen=True)
class Setting:
    """One setting of the unit."""

    key: str
    label: str
    default: Any
    kind: type = str
    help: str = ""
    group: str = "单位与编号"  # the settings dialog has one page per group, in order of first use
    choices: tuple[str, ...] = ()  # a fixed list: the dialog offers a drop-down

    def check(self, value: Any) -> str | None:
        """A Chinese message if `value` is not acceptable, else None."""
        if self.choices and str(value) not in self.choices:
            return f"「{self.label}」应为：{'、'.join(self.choices)}"
        if self.kind is int:
            try:
                number = int(value)
            except (TypeError, ValueError):
                return f"「{self.label}」应为整数"
            if number < 0:
                return f"「{self.label}」不能为负数"
        if self.key.endswith("serial_template"):
            return check_serial_template(str(value))
        if self.kind is str and self.key == "unit_name" and not str(value).strip():
            return "「单位名称」不能为空"
        return None


SETTINGS: tuple[Setting, ...] = (
    Setting("unit_name", "单位名称", "某某林业局", help="登记簿标题、打印件和导出文件抬头使用"),
    Setting("document_serial_template", "收文编号模板", DEFAULT_SERIAL_TEMPLATE,
            help="{YYYY} 年份，{n} 序号；如 收〔{YYYY}〕{n}号 或 {YYYY}-{n:04d}"),
    Setting("supervision_serial_template", "督办编号模板", "督〔{YYYY}〕{n}号"),
    Setting("petition_serial_template", "信访编号模板", "信〔{YYYY}〕{n}号"),
    Setting("due_soon_days", "临期提醒天数", 3, int, help="距办理时限不超过该天数时显示黄色"),
    Setting("duplicate_title_days", "同标题提醒天数", 30, int,
            help="该天数内收到同标题文件时提醒可能重复"),
    # 接待 (issue 6): retention of the visitor log and the unit's own reception limits.
    Setting("visitor_retention_months", "来访记录保留月数", 24, int, group="接待",
            help="超过该月数的来访登记可以清理（清理前会提示条数并确认）"),
    Setting("reception_meal_limit", "工作餐标准（元/人）", 100, int, group="接待",
            help="公务接待工作餐人均费用上限，按本地规定填写；0 表示不检查"),
    Setting("reception_lodging_limit", "住宿标准（元/间·夜）", 380, int, group="接待",
            help="公务接待住宿房费上限，按本地差旅住宿标准填写；0 表示不检查"),
)  # fmt: skip
BY_KEY = {s.key: s for s in SETTINGS}
