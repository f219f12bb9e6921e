#!/usr/bin/env python3
"""Fills resources/translations/flowdeck_en.ts, the English plural forms of the studio's "%n thing(s)"
strings: singular drops "(s)", plural keeps the "s". Run after
`lupdate -I . app widgets -pluralonly -ts resources/translations/flowdeck_en.ts -target-language en`."""
import re
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1] if len(sys.argv) > 1 else "resources/translations/flowdeck_en.ts"
tree = ET.parse(path)
for message in tree.iter("message"):
    if message.get("numerus") != "yes":
        continue
    source = message.find("source").text
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    singular = re.sub(r"\(s\)", "", source).replace("(es)", "")
    plural = source.replace("(s)", "s").replace("(es)", "es")
    forms[0].text = singular
    if len(forms) > 1:
        forms[1].text = plural
    translation.attrib.pop("type", None)
tree.write(path, encoding="utf-8", xml_declaration=True)
