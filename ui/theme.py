"""Large fonts and high contrast, scaled to the screen the counter has.

Sizes are in pixels derived from the window height, so the same layout reads
at 1024×768 (a small all-in-one) and at 1920×1080.
"""

from __future__ import annotations

INK = "#111111"
PAPER = "#ffffff"
PANEL = "#f0f2f5"
ACCENT = "#0b4f9c"
OK = "#0a6b2b"
WARN = "#8a4b00"
ERROR_INK = "#9b0000"
ERROR_PAPER = "#fde8e8"
CHANGE_PAPER = "#0d1b2a"
CHANGE_INK = "#7dffa0"


def scale_for(height: int) -> float:
    """1.0 at 768 px high, 1.4 at 1080; never below 0.85."""
    return max(0.85, min(1.6, height / 768))


def stylesheet(scale: float) -> str:
    def px(n: float) -> int:
        return round(n * scale)

    return f"""
QWidget {{ font-size: {px(16)}px; color: {INK}; }}
QMainWindow, QStackedWidget > QWidget {{ background: {PAPER}; }}
QLineEdit {{ font-size: {px(20)}px; padding: {px(4)}px {px(8)}px; border: 2px solid #555; border-radius: 4px;
             background: {PAPER}; }}
QLineEdit:focus {{ border: 3px solid {ACCENT}; background: #fffbe6; }}
QLineEdit:disabled {{ background: #e4e4e4; color: #555; }}
QComboBox {{ font-size: {px(20)}px; padding: {px(3)}px {px(8)}px; border: 2px solid #555; border-radius: 4px;
             background: {PAPER}; color: {INK}; }}
QComboBox:focus {{ border: 3px solid {ACCENT}; background: #fffbe6; }}
QComboBox:disabled {{ background: #e4e4e4; color: #555; }}
QComboBox QAbstractItemView {{ font-size: {px(18)}px; selection-background-color: {ACCENT}; selection-color: white; }}
QLineEdit#search {{ font-size: {px(24)}px; padding: {px(6)}px {px(10)}px; }}
QTableView {{ font-size: {px(16)}px; gridline-color: #bbb; selection-background-color: {ACCENT};
              selection-color: white; alternate-background-color: #f5f7fa; }}
QHeaderView::section {{ font-size: {px(14)}px; font-weight: bold; background: #dde3ea; padding: {px(3)}px;
                        border: 0; border-right: 1px solid #bbb; }}
QLabel#title {{ font-size: {px(30)}px; font-weight: bold; }}
QLabel#subtitle {{ font-size: {px(18)}px; color: #333; }}
QLabel#hint {{ font-size: {px(14)}px; color: #333; }}
QLabel#fieldLabel {{ font-size: {px(16)}px; font-weight: bold; }}
QLabel#inlineError {{ font-size: {px(16)}px; font-weight: bold; color: {ERROR_INK}; background: {ERROR_PAPER};
                      border-left: 5px solid {ERROR_INK}; padding: {px(3)}px {px(6)}px; }}
QLabel#notice {{ font-size: {px(16)}px; font-weight: bold; color: {WARN}; }}
QLabel#accountName {{ font-size: {px(24)}px; font-weight: bold; }}
QLabel#balance {{ font-size: {px(30)}px; font-weight: bold; }}
QLabel#fresh {{ font-size: {px(15)}px; font-weight: bold; color: white; background: {OK}; padding: 2px {px(8)}px;
                border-radius: 3px; }}
QLabel#stale {{ font-size: {px(15)}px; font-weight: bold; color: white; background: {WARN}; padding: 2px {px(8)}px;
                border-radius: 3px; }}
QLabel#judicial {{ font-size: {px(16)}px; font-weight: bold; color: white; background: {ERROR_INK};
                   padding: 2px {px(8)}px; }}
QFrame#card, QFrame#tender {{ background: {PANEL}; border: 1px solid #c5ccd4; border-radius: 6px; }}
QFrame#change {{ background: {CHANGE_PAPER}; border-radius: 8px; }}
QLabel#changeCaption {{ font-size: {px(18)}px; font-weight: bold; color: #d8e2ee; }}
QLabel#changeAmount {{ font-size: {px(64)}px; min-height: {px(78)}px; font-weight: bold; color: {CHANGE_INK}; }}
QLabel#changeDetail {{ font-size: {px(15)}px; color: #d8e2ee; }}
QLabel#fkey {{ font-size: {px(15)}px; font-weight: bold; border: 2px solid #555; border-radius: 4px;
               padding: {px(3)}px {px(6)}px; background: {PAPER}; }}
QLabel#fkeyActive {{ font-size: {px(15)}px; font-weight: bold; border: 2px solid {ACCENT}; border-radius: 4px;
                     padding: {px(3)}px {px(6)}px; background: {ACCENT}; color: white; }}
QLabel#total {{ font-size: {px(34)}px; font-weight: bold; }}
QPushButton {{ font-size: {px(17)}px; font-weight: bold; padding: {px(6)}px {px(14)}px; }}
QPushButton:focus {{ border: 3px solid {ACCENT}; background: #fffbe6; }}
QPushButton#menuItem {{ font-size: {px(20)}px; text-align: left; padding: {px(10)}px {px(16)}px; }}
QLabel#verdictOk {{ font-size: {px(24)}px; font-weight: bold; color: white; background: {OK}; padding: {px(8)}px; }}
QLabel#verdictBad {{ font-size: {px(22)}px; font-weight: bold; color: white; background: {ERROR_INK}; padding: {px(8)}px; }}
QLabel#dropBanner {{ font-size: {px(16)}px; font-weight: bold; color: #3b2300; background: #ffd166;
                     padding: {px(4)}px {px(8)}px; border-radius: 3px; }}
QDialog {{ background: {PAPER}; }}
QStatusBar {{ background: #1f2933; }}
QStatusBar QLabel {{ color: white; font-size: {px(14)}px; padding: 0 {px(8)}px; }}
QStatusBar QLabel#statusBad {{ color: #ffb4a8; font-weight: bold; }}
QStatusBar QLabel#statusGood {{ color: #9ff0b5; font-weight: bold; }}
"""
