// Ballast dashboard: plain JS + canvas, fed by the server-sent events of /v1/stream. No external code.
"use strict";
const $ = (id) => document.getElementById(id);
const fmt = (x, d = 2) => (x === null || x === undefined || !isFinite(x)) ? "–" : Number(x).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const navHistory = [];
let selectedBoard = null;
let lastStatus = null;

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
      btn.onclick = () => { selectedBoard = b.board; if (lastStatus) renderBoard(lastStatus); };
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
}

function onTrade(t) {
  const body = $("trades").querySelector("tbody");
  const tr = document.createElement("tr");
  tr.innerHTML = `<td>${t.sequence}</td><td>${t.account}</td><td>${t.series}</td><td>${t.side}</td><td>${fmt(t.size)}</td><td>${fmt(t.payment)}</td><td>${fmt(t.fees)}</td>`;
  body.insertBefore(tr, body.firstChild);
  while (body.childElementCount > 25) body.removeChild(body.lastChild);
}

fetch("/v1/trades/recent?limit=25").then(r => r.json()).then(ts => ts.reverse().forEach(onTrade)).catch(() => {});
const source = new EventSource("/v1/stream");
source.onopen = () => { $("conn").textContent = "live"; $("conn").className = "on"; };
source.onerror = () => { $("conn").textContent = "reconnecting…"; $("conn").className = "off"; };
source.addEventListener("vault", e => onVault(JSON.parse(e.data)));
source.addEventListener("trade", e => onTrade(JSON.parse(e.data)));
