# Reads every file named on stdin (one path a line) with Python 2.7's RawConfigParser, exactly as Qubes R3.2
# reads storage.conf, and prints one JSON line per file:
#   {"ok": true, "sections": [[name, [[key, value], ...]], ...], "defaults": [[key, value], ...]}
#   {"ok": false, "error": "MissingSectionHeaderError" | "ParsingError", "lines": [lineno, ...]}
import sys, json, ConfigParser

def read(path):
    p = ConfigParser.RawConfigParser()
    try:
        p.read(path)
    except ConfigParser.MissingSectionHeaderError as e:
        return {"ok": False, "error": "MissingSectionHeaderError", "lines": [e.lineno]}
    except ConfigParser.ParsingError as e:
        return {"ok": False, "error": "ParsingError", "lines": [n for n, _ in e.errors]}
    secs = []
    for name in p.sections():
        items = [[k, v] for k, v in p._sections[name].items() if k != "__name__"]
        secs.append([name, items])
    return {"ok": True, "sections": secs, "defaults": [[k, v] for k, v in p._defaults.items()]}

for line in sys.stdin:
    path = line.rstrip("\n")
    if path:
        sys.stdout.write(json.dumps(read(path)) + "\n")
