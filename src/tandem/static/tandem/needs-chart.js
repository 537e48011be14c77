// Draws the demand/supply bar charts of the cohort overview from the JSON the page embeds.
// The table under each chart holds the same figures, so the page works without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof Chart === "undefined") return;
  document.querySelectorAll("canvas[data-chart-source]").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.chartSource);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    canvas.parentElement.style.height = Math.max(160, data.labels.length * 34 + 60) + "px";
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: canvas.dataset.demandLabel, data: data.demand, backgroundColor: "#b35c00" },
          { label: canvas.dataset.supplyLabel, data: data.supply, backgroundColor: "#1d5c63" },
        ],
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "top" } },
      },
    });
  });
});
