// The catalog page's styles, inline (its sha256 is in the page's CSP). Light and
// dark follow prefers-color-scheme; every event row skips layout and paint
// while off screen (content-visibility), which keeps 2,000 events fast; print
// drops the controls and prints in black on white.
export const PAGE_STYLE = `:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#4d4d4d;--line:#d0d0d0;--panel:#f4f5f7;--link:#0b57d0;--focus:#0b57d0;--breaking:#9b1c1c;--breaking-bg:#fde8e8;--compatible:#1e5b2a;--compatible-bg:#e3f4e6;--chip:#e8eaf0}
@media (prefers-color-scheme:dark){:root{--bg:#121417;--fg:#e9eaec;--muted:#b4b8bf;--line:#3a3f47;--panel:#1d2127;--link:#8ab4f8;--focus:#8ab4f8;--breaking:#ffb4b4;--breaking-bg:#4a1a1a;--compatible:#a8e6b4;--compatible-bg:#173a20;--chip:#2b3038}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0 auto;max-width:72rem;padding:0 1rem 3rem;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0}
.skip:focus{left:1rem;background:var(--bg);padding:.5rem}
header{padding:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
h1{margin:0 0 .25rem;font-size:2rem}
h2{margin:2rem 0 .75rem;font-size:1.5rem}
h3{margin:1.25rem 0 .5rem;font-size:1.2rem}
h4{margin:1rem 0 .4rem;font-size:1rem}
.counts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:.75rem 0;padding:0;list-style:none}
.counts strong{font-size:1.25rem}
.filters{padding:.75rem 0;border-bottom:1px solid var(--line)}
.filters label{display:block;font-weight:600}
#search{width:100%;max-width:32rem;padding:.5rem .6rem;font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--muted);border-radius:4px}
fieldset{border:0;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.35rem;align-items:center}
legend{float:left;font-weight:600;margin-right:.5rem}
button{font:inherit;color:var(--fg);cursor:pointer}
fieldset button,#clear{font-size:.9rem;background:var(--chip);border:1px solid var(--line);border-radius:999px;padding:.15rem .7rem}
fieldset button[aria-pressed=true]{background:var(--fg);color:var(--bg);border-color:var(--fg)}
.count{margin-left:.35rem;font-size:.8rem;font-weight:600}
#clear{border-radius:4px}
#status{margin:.5rem 0 0;color:var(--muted)}
.events{list-style:none;margin:0;padding:0}
.event{padding:.5rem .25rem;border-bottom:1px solid var(--line)}
.event h3{display:inline;margin:0;font-size:1.05rem}
.toggle{font-weight:700;background:none;border:0;border-radius:4px;padding:.1rem .25rem;text-align:left}
.toggle::before{content:"\\25B8";display:inline-block;width:1.1rem;color:var(--muted)}
.toggle[aria-expanded=true]::before{content:"\\25BE"}
summary{cursor:pointer;padding:.5rem 0}
.meta{color:var(--muted);font-size:.9rem;margin-left:.5rem}
.chip{display:inline-block;background:var(--chip);border-radius:999px;padding:0 .5rem;margin:0 .2rem;font-size:.85rem}
.summary-text{margin:.1rem 0 0 1.6rem;color:var(--muted)}
.body{padding:0 .25rem 1rem 1.35rem}
.version{border-left:3px solid var(--line);padding-left:1rem;margin:1rem 0}
.badge{display:inline-block;font-size:.8rem;font-weight:600;border-radius:4px;padding:0 .4rem;background:var(--chip)}
.breaking .badge{background:var(--breaking-bg);color:var(--breaking)}
.compatible .badge{background:var(--compatible-bg);color:var(--compatible)}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin:.25rem 0 .75rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--panel)}
tbody th{font-weight:600;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-word}
.d1 th{padding-left:1.5rem}.d2 th{padding-left:2.5rem}.d3 th{padding-left:3.5rem}.d4 th{padding-left:4.5rem}.d5 th,.d6 th,.d7 th,.d8 th{padding-left:5.5rem}
.d1 th::before,.d2 th::before,.d3 th::before,.d4 th::before,.d5 th::before,.d6 th::before,.d7 th::before,.d8 th::before{content:"\\21B3 ";color:var(--muted)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88rem}
pre{background:var(--panel);padding:.75rem;overflow:auto;border-radius:4px;white-space:pre-wrap;word-break:break-word}
.functions,.changes{margin:.25rem 0;padding-left:1.25rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--line:#999;--panel:#fff;--link:#000;--chip:#fff}
.skip,.filters,.permalink{display:none}
.event{content-visibility:visible;break-inside:avoid-page}
.toggle::before,.toggle[aria-expanded=true]::before{content:none}
pre{border:1px solid var(--line)}
tr{break-inside:avoid}
body{max-width:none;font-size:11pt}}
`;
