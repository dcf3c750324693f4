"""Write JupyterLab overrides into the venv: no news toast, no update check, no autosave.

Autosave off keeps the browser tests from writing into the notebooks they open; the
news and update checks would only try to reach the network.
"""

import json
import sys
from pathlib import Path

OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
}

target = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
target.parent.mkdir(parents=True, exist_ok=True)
target.write_text(json.dumps(OVERRIDES, indent=2) + "\n")
print(f"wrote {target}")
