"""Looks at ecpa's HTML pages in a real browser, the way a reader would: headless Chromium from
Debian at a desktop width and a phone's, printed to PDF as its own print styles ask, and checked
with the axe-core accessibility rules (WCAG 2.1 A and AA, and axe's best practices, which check
that headings go in order).

Usage: check-pages.py PAGE.html...   Prints one JSON object per line, one per page and width:
  {"page", "width", "overflow": [elements wider than the viewport], "scroll_width",
   "squeezed": [text in a column a few letters wide],
   "h1": count, "podium": medals shown, "reasons": reason paragraphs, "smallest_text": px,
   "violations": [{"id", "impact", "nodes"}]}
and one per page for paper:
  {"page", "pdf_pages", "pdf_size_mm": [w, h], "medal_colours": [...], "headings_kept": bool}
Exits 0 when it could look at every page; the caller judges what it saw.
"""

import base64
import json
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium_axe_python import Axe

WIDTHS = (1280, 360)

# What the page itself reports, with every <details> opened: every element whose box reaches past
# the viewport, text squeezed into a narrow column, the smallest rendered text, the medals and the
# reasons.
MEASURE = """
// Everything open, as a reader who opens every section sees it.
document.querySelectorAll('details').forEach(d => { d.open = true; });
const width = document.documentElement.clientWidth;
const wide = [];
for (const element of document.body.querySelectorAll('*')) {
  const box = element.getBoundingClientRect();
  if (box.width > 0 && box.right > width + 1) {
    wide.push(element.tagName.toLowerCase() + (element.className ? '.' + element.className : '') + ' right=' + Math.round(box.right));
  }
}
let smallest = 1000;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (!node.textContent.trim()) continue;
  const parent = node.parentElement;
  const style = getComputedStyle(parent);
  if (style.display === 'none' || style.visibility === 'hidden') continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const rects = range.getClientRects();
  if (rects.length === 0) continue;
  // The rendered size: the font size times any scaling (an SVG's viewBox shrinks its text).
  const scale = parent.getBoundingClientRect().height > 0 && parent instanceof SVGElement
    ? rects[0].height / parseFloat(style.fontSize) : 1;
  smallest = Math.min(smallest, parseFloat(style.fontSize) * scale);
}
// Text squeezed into a column a few letters wide (a caption in a narrow box, say).
const squeezed = [];
for (const element of document.body.querySelectorAll('*')) {
  const own = Array.from(element.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
  if (own.length < 12) continue;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  if (style.display === 'none') continue;
  if (box.width > 2 && box.width < 64 && box.height > 4 * parseFloat(style.lineHeight || style.fontSize)) {
    squeezed.push(element.tagName.toLowerCase() + ' ' + Math.round(box.width) + 'x' + Math.round(box.height) + ': ' + own.slice(0, 40));
  }
}
return {
  squeezed: squeezed.slice(0, 20),
  overflow: wide.slice(0, 20),
  scroll_width: document.documentElement.scrollWidth,
  viewport: width,
  h1: document.querySelectorAll('h1').length,
  podium: Array.from(document.querySelectorAll('.medal')).map(e => e.className.replace('medal', '').trim()),
  reasons: document.querySelectorAll('.reasons p, .reasons li').length,
  smallest_text: Math.round(smallest * 10) / 10,
};
"""

PRINTED = """
const colour = e => getComputedStyle(e).borderTopColor + ' ' + getComputedStyle(e).backgroundColor;
return {
  medal_colours: Array.from(document.querySelectorAll('.medal')).map(e => e.className + ': ' + colour(e) + ' ' + getComputedStyle(e).printColorAdjust),
  headings_kept: Array.from(document.querySelectorAll('h2, h3')).every(h => getComputedStyle(h).breakAfter === 'avoid'),
};
"""


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def set_width(driver, width):
    # The viewport itself, not the window: a phone's 360 CSS pixels.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600})


def pdf_facts(data):
    sizes = [tuple(float(v) for v in m) for m in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)]
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    width, height = sizes[0] if sizes else (0, 0)
    return pages, [round(width * 25.4 / 72, 1), round(height * 25.4 / 72, 1)]


def main(pages):
    driver = browser()
    try:
        for page in pages:
            url = "file://" + page
            for width in WIDTHS:
                set_width(driver, width)
                driver.get(url)
                seen = driver.execute_script(MEASURE)
                axe = Axe(driver)
                axe.inject()
                # WCAG 2.1 A and AA, and axe's best practices (headings in order, one main, one h1).
                found = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
                seen["violations"] = [
                    {"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:160] for n in v["nodes"][:5]]}
                    for v in found["violations"]]
                seen.update(page=page, width=width)
                print(json.dumps(seen), flush=True)
            set_width(driver, 1280)
            driver.get(url)
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            printed = driver.execute_script(PRINTED)
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            # The page's own @page rule decides the paper (preferCSSPageSize), as when a person prints it.
            pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
            count, size = pdf_facts(pdf)
            printed.update(page=page, pdf_pages=count, pdf_size_mm=size)
            print(json.dumps(printed), flush=True)
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1:])
