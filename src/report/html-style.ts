/** The HTML report's styles, inlined (allowed by their hash in the page's Content-Security-Policy); light and dark. */
export const STYLE = `
:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--link:#0969da;--critical:#8250df;--high:#cf222e;--medium:#9a6700;--low:#0969da;--bar:#57606a;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;--link:#4493f8;--critical:#ab7df8;--high:#f85149;--medium:#d29922;--low:#4493f8;--bar:#9198a1}}
*{box-sizing:border-box}
body{margin:0;padding:24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
a{color:var(--link)}code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.muted{color:var(--muted);font-size:12px}
.summary{margin:0 0 12px}
.incomplete{border:1px solid var(--medium);border-left-width:4px;padding:8px 12px;margin:12px 0;background:var(--soft)}
.facts{display:flex;flex-wrap:wrap;gap:6px 24px;margin:8px 0}
.facts div{min-width:120px}.facts dt{color:var(--muted);font-size:12px}.facts dd{margin:0;font-weight:600}
details.failures{margin:8px 0}details.failures li{margin:2px 0}
.charts{display:flex;flex-wrap:wrap;gap:24px;margin:16px 0}
.chart{margin:0;flex:1 1 420px;max-width:560px}.chart figcaption{font-weight:600;margin-bottom:4px}
.chart svg{width:100%;height:auto;font-size:12px}.chart text{fill:var(--fg)}
.bar[data-filter]{cursor:pointer}.bar[data-filter]:hover rect,.bar[data-filter]:focus rect{opacity:.75}
rect.provider{fill:var(--bar)}rect.sev-critical{fill:var(--critical)}rect.sev-high{fill:var(--high)}rect.sev-medium{fill:var(--medium)}rect.sev-low{fill:var(--low)}
.controls{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:end;margin:16px 0 8px;padding:10px;background:var(--soft);border:1px solid var(--line);border-radius:6px}
.controls label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}
.controls select,.controls input,.controls button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:3px 6px}
.controls input{min-width:200px}.controls button{cursor:pointer}
#count{margin:4px 0 8px;color:var(--muted)}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
thead th{position:sticky;top:0;background:var(--bg);z-index:1;white-space:nowrap}
thead th button{all:unset;cursor:pointer;font-weight:600}
thead th[aria-sort=ascending] button::after{content:" \\25B2"}thead th[aria-sort=descending] button::after{content:" \\25BC"}
tr.finding{cursor:pointer}tr.finding:hover,tr.finding:focus{background:var(--soft);outline:none}
tr.group th{background:var(--soft);font-weight:600;padding-top:10px}
tr.group th>*{margin-right:10px}
td.what .title{font-weight:600}code.secret{background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:0 4px;word-break:break-all}
td.where{word-break:break-all;max-width:420px}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;border:1px solid currentColor}
.sev-critical{color:var(--critical)}.sev-high{color:var(--high)}.sev-medium{color:var(--medium)}.sev-low{color:var(--low)}
.live-live{color:var(--high)}.live-dead,.live-none{color:var(--muted)}.live-unknown{color:var(--medium)}
tr.detail td{background:var(--soft)}
tr.detail dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:4px 0}
tr.detail dt{color:var(--muted)}tr.detail dd{margin:0;word-break:break-word}tr.detail p{margin:0 0 4px}
pre.snippet{margin:0;white-space:pre-wrap;word-break:break-all}
tbody.more td{text-align:center;padding:12px}tbody.more button{font:inherit;color:var(--fg);background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:4px 12px;margin:0 6px;cursor:pointer}
tr.empty td{color:var(--muted);text-align:center;padding:24px}
body:not(.ready) .controls,body:not(.ready) table{display:none}
footer{margin-top:24px;color:var(--muted);font-size:12px}
`;
