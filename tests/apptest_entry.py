"""AppTest entrypoint: runs app.py from a folder that has no `pages/`.

AppTest switches Streamlit back to its old pages-folder mode before every run when the script's
folder has a `pages/` directory; that mode runs page files without the entrypoint and costs a
rerun (which drops button clicks). A real server leaves that mode after its first run.
"""
import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parent.parent / "app.py"), run_name="__main__")
