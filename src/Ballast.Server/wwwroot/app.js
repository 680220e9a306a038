// Ballast dashboard: plain JS + canvas, fed by the server-sent events of /v1/stream. No external code.
"use strict";
const $ = (id) => document.getElementById(id);
const fmt = (x, d = 2) => (x === null || x === undefined || !isFinite(x)) ? "–" : Number(x).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const navHistory = [];
let selectedBoard = null;
let lastStatus = null;
let lastQuotes = null;
let spotObservedAt = null;

// PnL attribution, accumulated from consecutive vault updates since the page opened (see renderPnl).
const SecondsPerYear = 365 * 86400;
const pnlComponents = [
  ["delta", "delta · ΔS"], ["gamma", "½ gamma · ΔS²"], ["theta", "theta · Δt"], ["vega", "Σ strike vega · Δvol"],
  ["holdings", "base holdings · ΔS"], ["fees", "fees accrued"], ["residual", "trades & residual"],
];
const pnl = Object.fromEntries(pnlComponents.map(([k]) => [k, 0]));
let pnlPrevious = null;
let pnlNavStart = null;

function drawLine(canvas, points, color) {
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (points.length < 2) return;
  const xs = points.map(p => p[0]), ys = points.map(p => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const sx = (x) => 30 + (x - x0) / ((x1 - x0) || 1) * (canvas.width - 40);
  const sy = (y) => canvas.height - 15 - (y - y0) / ((y1 - y0) || 1) * (canvas.height - 30);
  ctx.strokeStyle = "#4c566a"; ctx.strokeRect(30, 5, canvas.width - 40, canvas.height - 20);
  ctx.fillStyle = "#8a96a6"; ctx.font = "10px sans-serif";
  ctx.fillText(fmt(y1, 3), 2, 12); ctx.fillText(fmt(y0, 3), 2, canvas.height - 15);
  ctx.strokeStyle = color; ctx.lineWidth = 2; ctx.beginPath();
  points.forEach((p, i) => i === 0 ? ctx.moveTo(sx(p[0]), sy(p[1])) : ctx.lineTo(sx(p[0]), sy(p[1])));
  ctx.stroke();
  ctx.fillStyle = color;
  points.forEach(p => { ctx.beginPath(); ctx.arc(sx(p[0]), sy(p[1]), 3, 0, 6.3); ctx.fill(); });
}

function renderHeatmap(status) {
  const strikes = [...new Set(status.boards.flatMap(b => b.strikes.map(s => s.strike)))].sort((a, b) => a - b);
  let max = 0;
  status.boards.forEach(b => b.strikes.forEach(s => { max = Math.max(max, Math.abs(s.vaultCallPosition + s.vaultPutPosition)); }));
  let html = "<table><tr><th>expiry \\ strike</th>" + strikes.map(k => `<th>${k}</th>`).join("") + "</tr>";
  for (const b of status.boards) {
    html += `<tr><th>${b.board}</th>`;
    for (const k of strikes) {
      const s = b.strikes.find(x => x.strike === k);
      if (!s) { html += "<td></td>"; continue; }
      const net = s.vaultCallPosition + s.vaultPutPosition;
      const a = max > 0 ? Math.abs(net) / max : 0;
      const color = net >= 0 ? `rgba(163,190,140,${a})` : `rgba(191,97,106,${a})`;
      html += `<td style="background:${color}" title="calls ${s.vaultCallPosition}, puts ${s.vaultPutPosition}">${fmt(net, 1)}</td>`;
    }
    html += "</tr>";
  }
  $("heatmap").innerHTML = html + "</table>";
}

function renderBoard(status) {
  const tabs = $("boardTabs");
  if (tabs.childElementCount !== status.boards.length) {
    tabs.innerHTML = "";
    for (const b of status.boards) {
      const btn = document.createElement("button");
      btn.className = "board-tab"; btn.textContent = b.board; btn.dataset.board = b.board;
      btn.onclick = () => { selectedBoard = b.board; if (lastStatus) renderBoard(lastStatus); renderQuotes(); };
      tabs.appendChild(btn);
    }
  }
  if (!selectedBoard && status.boards.length) selectedBoard = status.boards[0].board;
  [...tabs.children].forEach(c => c.classList.toggle("active", c.dataset.board === selectedBoard));
  const board = status.boards.find(b => b.board === selectedBoard);
  if (!board) return;
  $("boardName").textContent = `${board.board} (base IV ${fmt(board.baseIv * 100, 1)}%)`;
  drawLine($("smile"), board.strikes.map(s => [s.strike, s.vol]), "#88c0d0");
  $("boardTable").innerHTML = "<tr><th>strike</th><th>skew</th><th>vol</th><th>calls</th><th>puts</th><th>delta</th><th>vega</th></tr>" +
    board.strikes.map(s => `<tr><td>${s.strike}</td><td>${fmt(s.skew, 3)}</td><td>${fmt(s.vol * 100, 1)}%</td><td>${fmt(s.vaultCallPosition, 2)}</td><td>${fmt(s.vaultPutPosition, 2)}</td><td>${fmt(s.greeks.delta, 3)}</td><td>${fmt(s.greeks.vega, 1)}</td></tr>`).join("");
}

// One update's explain of ΔNAV with the previous update's Greeks (vault side; theta is quote per year, vega quote per
// 1.00 vol). NAV = quote holdings + base holdings · spot + option book value, so a spot move reaches NAV through the
// book (delta, gamma) and the base holdings; what the Greeks do not explain (new trades' edge against the model value,
// higher-order terms) is the residual, so the components always add up to the NAV change.
function attribute(prev, cur) {
  const dS = cur.spot - prev.spot;
  const dtYears = Math.max(0, cur.now - prev.now) / SecondsPerYear;
  const parts = {
    delta: prev.greeks.delta * dS,
    gamma: 0.5 * prev.greeks.gamma * dS * dS,
    theta: prev.greeks.theta * dtYears,
    vega: 0,
    holdings: (prev.capitalBase + prev.feesBase) * dS,
    fees: (cur.feesQuote - prev.feesQuote) + (cur.feesBase - prev.feesBase) * cur.spot,
  };
  const before = new Map();
  prev.boards.forEach(b => b.strikes.forEach(k => before.set(b.board + "|" + k.strike, k)));
  cur.boards.forEach(b => b.strikes.forEach(k => {
    const p = before.get(b.board + "|" + k.strike);
    if (p) parts.vega += p.greeks.vega * (k.vol - p.vol);
  }));
  parts.residual = (cur.nav - prev.nav) - Object.values(parts).reduce((a, x) => a + x, 0);
  return parts;
}

function renderPnl(status) {
  if (pnlPrevious && status.now >= pnlPrevious.now) {
    const parts = attribute(pnlPrevious, status);
    for (const k of Object.keys(parts)) if (isFinite(parts[k])) pnl[k] += parts[k];
  }
  if (pnlNavStart === null) pnlNavStart = status.nav;
  pnlPrevious = status;
  const total = Object.values(pnl).reduce((a, x) => a + x, 0);
  const cls = (x) => x > 0 ? "pos" : x < 0 ? "neg" : "";
  $("pnlTable").querySelector("tbody").innerHTML =
    pnlComponents.map(([k, label]) => `<tr data-component="${k}"><td>${label}</td><td class="${cls(pnl[k])}">${fmt(pnl[k])}</td></tr>`).join("") +
    `<tr class="total"><td>total = ΔNAV</td><td id="pnlTotal" class="${cls(total)}">${fmt(total)}</td></tr>` +
    `<tr><td>NAV now − NAV at open</td><td id="pnlNavChange">${fmt(status.nav - pnlNavStart)}</td></tr>`;
  const canvas = $("pnlChart"), ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const max = Math.max(1e-9, ...pnlComponents.map(([k]) => Math.abs(pnl[k])));
  const w = (canvas.width - 20) / pnlComponents.length, mid = canvas.height / 2;
  ctx.strokeStyle = "#4c566a"; ctx.beginPath(); ctx.moveTo(10, mid); ctx.lineTo(canvas.width - 10, mid); ctx.stroke();
  ctx.font = "10px sans-serif";
  pnlComponents.forEach(([k], i) => {
    const h = pnl[k] / max * (mid - 14);
    ctx.fillStyle = pnl[k] >= 0 ? "#a3be8c" : "#bf616a";
    ctx.fillRect(14 + i * w, h >= 0 ? mid - h : mid, w - 8, Math.abs(h));
    ctx.fillStyle = "#8a96a6"; ctx.fillText(k, 14 + i * w, canvas.height - 2);
  });
}

function renderBoardGreeks(status) {
  $("boardGreeks").innerHTML = "<tr><th>board</th><th>cache</th><th>delta</th><th>gamma</th><th>vega</th><th>std vega</th><th>theta/day</th><th>value</th></tr>" +
    status.boards.map(b => `<tr data-board="${b.board}"><td>${b.board}</td><td>${b.stale ? "stale" : "fresh"}</td><td>${fmt(b.greeks.delta, 4)}</td><td>${fmt(b.greeks.gamma, 6)}</td>` +
      `<td>${fmt(b.greeks.vega, 2)}</td><td>${fmt(b.greeks.standardVega, 2)}</td><td>${fmt(b.greeks.theta / 365, 2)}</td><td>${fmt(b.greeks.value, 2)}</td></tr>`).join("") +
    `<tr class="total"><td>all</td><td></td><td>${fmt(status.greeks.delta, 4)}</td><td>${fmt(status.greeks.gamma, 6)}</td><td>${fmt(status.greeks.vega, 2)}</td>` +
    `<td>${fmt(status.greeks.standardVega, 2)}</td><td>${fmt(status.greeks.theta / 365, 2)}</td><td>${fmt(status.greeks.value, 2)}</td></tr>`;
}

// Unit-size bid/ask per series from the stream's "quotes" event, for the selected board (series names carry yyyyMMdd).
function renderQuotes() {
  if (!lastQuotes || !selectedBoard) return;
  const rows = lastQuotes.filter(q => q.series.includes("-" + selectedBoard + "-"));
  $("quotesAge").textContent = `board ${selectedBoard}, ${rows.length} series`;
  $("quotesTable").innerHTML = "<tr><th>series</th><th>bid</th><th>ask</th><th>vol</th></tr>" +
    rows.map(q => `<tr><td>${q.series}</td><td>${fmt(q.bid)}</td><td>${fmt(q.ask)}</td><td>${fmt(q.vol * 100, 1)}%</td></tr>`).join("");
}

function renderOracle(status) {
  $("oracleAge").textContent = spotObservedAt === null ? "–" : `${Math.max(0, status.now - spotObservedAt)} s`;
}

function onVault(status) {
  lastStatus = status;
  $("nav").textContent = fmt(status.nav);
  $("spot").textContent = fmt(status.spot);
  $("delta").textContent = fmt(status.greeks.delta, 4);
  $("gamma").textContent = fmt(status.greeks.gamma, 6);
  $("vega").textContent = fmt(status.greeks.vega, 2);
  $("free").textContent = fmt(status.freeLiquidity, 0);
  navHistory.push([status.now + navHistory.length * 1e-3, status.nav]);
  if (navHistory.length > 240) navHistory.shift();
  drawLine($("navChart"), navHistory.map((p, i) => [i, p[1]]), "#a3be8c");
  $("breakers").innerHTML = status.breakers.map(b => `<li class="${b.active ? "breaker-on" : "breaker-off"}" data-breaker="${b.name}">${b.active ? "●" : "○"} ${b.name}: ${b.detail}</li>`).join("");
  renderHeatmap(status);
  renderBoard(status);
  renderPnl(status);
  renderBoardGreeks(status);
  renderOracle(status);
}

function onTrade(t) {
  const body = $("trades").querySelector("tbody");
  const tr = document.createElement("tr");
  tr.innerHTML = `<td>${t.sequence}</td><td>${t.account}</td><td>${t.series}</td><td>${t.side}</td><td>${fmt(t.size)}</td><td>${fmt(t.payment)}</td><td>${fmt(t.fees)}</td>`;
  body.insertBefore(tr, body.firstChild);
  while (body.childElementCount > 25) body.removeChild(body.lastChild);
}

// Pool (tranche share prices, queues, breakers) and hedge positions come from the REST API, polled each second.
const trancheColors = ["#88c0d0", "#ebcb8b", "#b48ead", "#a3be8c"];
const trancheHistory = new Map(); // tranche name -> [share price observations]

function drawLines(canvas, series) {
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const all = series.flatMap(s => s.points);
  if (all.length < 2) return;
  const n = Math.max(...series.map(s => s.points.length));
  const y0 = Math.min(...all), y1 = Math.max(...all);
  const sx = (i) => 40 + i / Math.max(1, n - 1) * (canvas.width - 50);
  const sy = (y) => canvas.height - 15 - (y - y0) / ((y1 - y0) || 1) * (canvas.height - 30);
  ctx.strokeStyle = "#4c566a"; ctx.strokeRect(40, 5, canvas.width - 50, canvas.height - 20);
  ctx.fillStyle = "#8a96a6"; ctx.font = "10px sans-serif";
  ctx.fillText(fmt(y1, 2), 2, 12); ctx.fillText(fmt(y0, 2), 2, canvas.height - 15);
  series.forEach((s, k) => {
    ctx.strokeStyle = s.color; ctx.lineWidth = 2; ctx.beginPath();
    s.points.forEach((y, i) => i === 0 ? ctx.moveTo(sx(i), sy(y)) : ctx.lineTo(sx(i), sy(y)));
    ctx.stroke();
    ctx.fillStyle = s.color; ctx.fillText(s.name, 50 + k * 70, canvas.height - 2);
  });
}

function onPool(pool) {
  $("poolAge").textContent = pool.open ? `updated ${new Date().toLocaleTimeString("en-GB")}` : "pool not open";
  $("poolBreakers").innerHTML = !pool.open ? "<li>pool not open</li>" :
    pool.breakers.map(b => `<li class="${b.active ? "breaker-on" : "breaker-off"}" data-breaker="${b.kind}">${b.active ? "●" : "○"} ${b.kind}${b.active ? ` until ${new Date(b.activeUntil * 1000).toLocaleTimeString("en-GB")}` : ""}</li>`).join("");
  if (!pool.open) return;
  $("poolNav").textContent = fmt(pool.nav);
  $("poolUtil").textContent = fmt(pool.utilisation * 100, 2) + "%";
  $("poolQueue").textContent = String(pool.queue.length);
  for (const t of pool.tranches) {
    const h = trancheHistory.get(t.name) ?? [];
    h.push(t.sharePrice);
    if (h.length > 240) h.shift();
    trancheHistory.set(t.name, h);
  }
  const bp = (h) => h.map(p => (p / h[0] - 1) * 1e4);
  $("tranches").querySelector("tbody").innerHTML = pool.tranches.map(t => {
    const h = trancheHistory.get(t.name);
    return `<tr data-tranche="${t.name}"><td>${t.name}</td><td>${t.priority}</td><td>${t.targetApr === null ? "residual" : fmt(t.targetApr * 100, 2) + "%"}</td>` +
      `<td class="share-price">${fmt(t.sharePrice, 6)}</td><td>${fmt(t.shares, 2)}</td><td>${fmt(t.claim, 2)}</td><td>${fmt(bp(h).at(-1), 2)} bp</td></tr>`;
  }).join("");
  drawLines($("trancheChart"), pool.tranches.map((t, i) => ({ name: t.name, color: trancheColors[i % trancheColors.length], points: bp(trancheHistory.get(t.name)) })));
}

function onHedges(h) {
  $("hedgeStatus").textContent = h.status + (h.reason !== "none" ? ` (${h.reason})` : "");
  $("hedgeSummary").innerHTML =
    `<tr><th>net position</th><td id="hedgeNet">${fmt(h.netPosition, 4)}</td><th>option delta</th><td>${fmt(h.optionDelta, 4)}</td><th>net delta</th><td id="hedgeNetDelta">${fmt(h.netDelta, 4)}</td></tr>` +
    `<tr><th>hedge value</th><td>${fmt(h.hedgeValue)}</td><th>fees paid</th><td>${fmt(h.feesPaid)}</td><th>net funding</th><td>${fmt(h.netFundingPaid)}</td></tr>`;
  $("hedges").querySelector("tbody").innerHTML = h.venues.map(v =>
    `<tr data-venue="${v.venue}"><td>${v.venue}</td><td>${fmt(v.quantity, 4)}</td><td>${fmt(v.averageEntryPrice)}</td><td>${fmt(v.realizedPnl)}</td>` +
    `<td>${fmt(v.unrealizedPnl)}</td><td>${fmt(v.feesPaid)}</td><td>${fmt(v.fundingPaid)}</td></tr>`).join("");
}

const pollPoolAndHedges = () => {
  fetch("/v1/pool").then(r => r.json()).then(onPool).catch(() => {});
  fetch("/v1/hedges").then(r => r.json()).then(onHedges).catch(() => {});
};
pollPoolAndHedges();
setInterval(pollPoolAndHedges, 1000);

fetch("/v1/trades/recent?limit=25").then(r => r.json()).then(ts => ts.reverse().forEach(onTrade)).catch(() => {});
const source = new EventSource("/v1/stream");
source.onopen = () => { $("conn").textContent = "live"; $("conn").className = "on"; };
source.onerror = () => { $("conn").textContent = "reconnecting…"; $("conn").className = "off"; };
source.addEventListener("vault", e => onVault(JSON.parse(e.data)));
source.addEventListener("trade", e => onTrade(JSON.parse(e.data)));
source.addEventListener("quotes", e => { lastQuotes = JSON.parse(e.data); renderQuotes(); });
// The oracle's observation time is on /v1/markets (not in the vault event); poll it.
const pollMarket = () => fetch("/v1/markets").then(r => r.json()).then(m => { spotObservedAt = m.spotObservedAt; if (lastStatus) renderOracle(lastStatus); }).catch(() => {});
pollMarket();
setInterval(pollMarket, 2000);
