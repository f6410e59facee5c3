"""`framing clean`: removing what framing wrote into a tables or report folder, and only that."""
from __future__ import annotations

import shutil
from pathlib import Path

from .layout import BOOKKEEPING, HUMAN_INPUT, MANIFEST, MARKER, SUBFOLDERS, TEMP_NAME, is_framing_temp
from .locks import FolderBusy, lock_folder
from .manifest import is_unchanged, save_manifest, written_files
from .ownership import remove_empty_folder
from .words import short_list


def remove_outputs(folder: Path, kind: str, *, guard: Path | None = None) -> str:
    """Remove from `folder` what framing wrote into a folder of this `kind` ("tables" or "report")
    and its temporary files, only when the folder carries framing's marker (a folder framing may
    merely write into, by `owns`, but did not mark is left whole), and not while a framing command
    holds its lock (`lock_folder`); the folder itself goes once nothing else is left. Only the
    files framing wrote (`written_files`) go, and only unchanged; a folder framing made inside
    (a table's parts, a report's `figures/`) goes only once nothing else is in it. A staging folder
    framing left (a report that was stopped before its end) goes whole. `guard`: the tables folder
    of the same corpus, whose lock a running report holds: while it is held, nothing is removed
    either. A link the user made to a folder elsewhere (e.g. `data/processed/<corpus>` on another
    disk), which framing wrote into through the link: framing's files go from the folder it points
    to; the link and that folder stay. Returns one line: what was removed, or what was kept and why."""
    folder = Path(folder)
    linked = folder.is_symlink()
    place = folder.resolve() if linked else folder
    if not place.is_dir() or not (place / MARKER).is_file() or (linked and TEMP_NAME.fullmatch(folder.name)):
        return f"kept {folder}: not made by framing"
    guard = Path(guard) if guard is not None and (Path(guard) / MARKER).is_file() else place
    try:
        with lock_folder(guard), lock_folder(place):
            if TEMP_NAME.fullmatch(folder.name):  # staging of a run that was stopped: framing's alone
                shutil.rmtree(folder)
                return f"removed {folder} (left by a run that was stopped)"
            _remove_written(place, kind)
            kept = sorted(p.relative_to(place).as_posix() for p in place.rglob("*")
                          if p.name not in BOOKKEEPING
                          and (p.is_symlink() or not p.is_dir() or not any(p.iterdir())))
            if kept:
                if (place / MANIFEST).is_file():  # what is left is the user's: a rerun keeps it all
                    save_manifest(place, {})
                return (f"cleaned {folder}; kept what may be people's work (coding sheets, files framing "
                        f"did not write or that were edited): {short_list(kept)}"
                        + (f"; {folder} is a link to {place}: both stay" if linked else ""))
            for name in BOOKKEEPING:
                (place / name).unlink(missing_ok=True)
            if linked:
                return f"cleaned {place} (linked from {folder}: the link and the folder stay, empty)"
            folder.rmdir()
    except FolderBusy as busy:
        return f"kept {busy}"
    return f"removed {folder}"


def _remove_written(folder: Path, kind: str) -> None:
    """Remove from `folder` the files framing wrote there and that are unchanged, framing's
    temporary files where it writes, and the folders it made there once they are empty."""
    written = written_files(folder, kind)
    for name, recorded in written.items():
        if is_unchanged(folder, folder / name, recorded):
            (folder / name).unlink()
    made = {parent for name in written for parent in Path(name).parents if parent != Path(".")}
    made |= {Path(name) for name in SUBFOLDERS[kind]}
    for place in {Path(".")} | made:  # temporary files of a run that was killed, where framing writes
        if (folder / place).is_dir() and not (folder / place).is_symlink():
            for path in list((folder / place).iterdir()):
                if is_framing_temp(path):
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
    for place in sorted(made, key=lambda p: -len(p.parts)):
        remove_empty_folder(folder / place)
    coding = folder / HUMAN_INPUT  # its list of the sheets framing wrote, once no sheet is left
    if coding.is_dir() and not coding.is_symlink() and (coding / MANIFEST).is_file() and all(
            p.name in BOOKKEEPING and p.is_file() and not p.is_symlink() for p in coding.iterdir()):
        for path in coding.iterdir():
            path.unlink()
        coding.rmdir()
