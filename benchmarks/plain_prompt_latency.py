"""How long one plain-mode prompt takes to build, draw and answer (questionary).

Run by hand: ``python benchmarks/plain_prompt_latency.py``. Each grid-row
prompt of Q5 is answered through a prompt_toolkit pipe input, the screen drawn
to a real VT100 output on /dev/null (so rendering is done, not skipped). The
time per prompt is the delay a fieldworker sees between pressing Enter and the
next row being on screen, less the terminal's own drawing.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prompt_toolkit.data_structures import Size  # noqa: E402
from prompt_toolkit.input import create_pipe_input  # noqa: E402
from prompt_toolkit.output.vt100 import Vt100_Output  # noqa: E402

from localdigital_tui.core.questionnaire.bundled import questionnaire_path  # noqa: E402
from localdigital_tui.core.questionnaire.loader import load_questionnaire  # noqa: E402
from localdigital_tui.prompts.prompter import BACK, Option  # noqa: E402
from localdigital_tui.prompts.questionary_prompter import QuestionaryPrompter  # noqa: E402


def main() -> None:
    loaded = load_questionnaire(questionnaire_path())
    q5 = loaded.questionnaire.question("q5")
    scale = [Option(c.label_for("council"), c.code) for c in loaded.questionnaire.scales["agree5"]]
    options = [*scale, Option("< Back", BACK)]
    spent = []
    with open("/dev/null", "w") as sink, create_pipe_input() as pipe:
        output = Vt100_Output(sink, lambda: Size(rows=24, columns=80), term="xterm")
        prompter = QuestionaryPrompter(pipe, output)
        for round_number in range(10):
            for row in q5.rows:  # type: ignore[union-attr]
                pipe.send_text("4\r")
                start = time.perf_counter()
                assert prompter.select(f"[{round_number}] {row.code}", options) == "agree"
                spent.append((time.perf_counter() - start) * 1000)
    ordered = sorted(spent)
    print(
        f"select prompt, 6 options, 80x24: n={len(spent)} median {statistics.median(spent):.1f} ms"
        f"  p95 {ordered[int(len(ordered) * 0.95) - 1]:.1f} ms  max {ordered[-1]:.1f} ms"
        f"  (first {spent[0]:.1f} ms)"
    )


if __name__ == "__main__":
    main()
