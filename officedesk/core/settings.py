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
        if self.key.startswith("font_chain_") and not str(value).strip(" ,，、→"):
            return f"「{self.label}」至少要有一个字体名称"
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
    # 公文 generated as .docx (会议通知, 纪要, 督办通报): GB/T 9704 fonts, no font files shipped.
    Setting("font_chain_body", "正文字体", "仿宋_GB2312,仿宋,FangSong", group="公文格式",
            help="3号正文；按顺序选用本机已安装的第一个字体，逗号分隔"),
    Setting("font_chain_title", "标题字体", "方正小标宋简体,华文中宋,宋体", group="公文格式",
            help="2号标题"),
    Setting("font_chain_heading", "一级标题字体", "黑体,SimHei", group="公文格式",
            help="“一、”标题"),
    Setting("font_chain_kai", "二级标题字体", "楷体_GB2312,楷体,KaiTi", group="公文格式",
            help="“（一）”标题"),
    Setting("font_chain_number", "页码字体", "宋体,SimSun", group="公文格式",
            help="4号页码“— 1 —”"),
)  # fmt: skip
BY_KEY = {s.key: s for s in SETTINGS}
