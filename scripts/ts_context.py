"""Rename a context in a Qt .ts file: ts_context.py FILE FROM TO (see update_translations.sh)."""

import sys
import xml.etree.ElementTree as ET

path, old, new = sys.argv[1:4]
tree = ET.parse(path)
for context in tree.getroot().iter("context"):
    name = context.find("name")
    if (name.text or "") == old:
        name.text = new or None
tree.write(path, encoding="utf-8", xml_declaration=True)
