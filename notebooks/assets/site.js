/*
 * Progressive enhancement for the static site. Every page reads, prints and navigates without this
 * script; with it: table columns sort (buttons in the headers, aria-sort kept up to date), the area picker
 * gets a filter box (Escape closes it), chart marks with a <title> show it as a tooltip at once, and
 * printing opens every data table. A classic script (not a module), so it also runs from file://.
 */
(() => {
  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) return "";
    var raw = cell.getAttribute("data-value");
    if (raw !== null && raw !== "" && !Number.isNaN(Number(raw))) return Number(raw);
    return cell.textContent.trim().toLowerCase();
  }

  function compare(a, b) {
    var aNumber = typeof a === "number";
    var bNumber = typeof b === "number";
    if (aNumber && bNumber) return a - b;
    if (aNumber) return -1;
    if (bNumber) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function sortTable(table, header, index) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort((x, y) => {
      var order = compare(cellValue(x, index), cellValue(y, index));
      return ascending ? order : -order;
    });
    rows.forEach((row) => {
      body.appendChild(row);
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, (cell) => {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enhanceTables() {
    document.querySelectorAll("table.sortable").forEach((table) => {
      if (!table.tHead || !table.tBodies[0] || table.tBodies[0].rows.length < 2) return;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, (header, index) => {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        button.textContent = header.textContent;
        button.setAttribute("aria-label", `Sort by ${header.textContent}`);
        button.addEventListener("click", () => {
          sortTable(table, header, index);
        });
        header.textContent = "";
        header.appendChild(button);
      });
    });
  }

  function enhanceAreaPicker() {
    var picker = document.querySelector(".area-picker");
    if (!picker) return;
    var lists = picker.querySelector(".picker-lists");
    var input = document.createElement("input");
    input.type = "search";
    input.className = "picker-filter";
    input.placeholder = "Type to filter";
    input.setAttribute("aria-label", "Filter areas by name");
    lists.insertBefore(input, lists.firstChild);
    input.addEventListener("input", () => {
      var text = input.value.trim().toLowerCase();
      lists.querySelectorAll("li").forEach((item) => {
        item.hidden = text !== "" && item.textContent.toLowerCase().indexOf(text) === -1;
      });
    });
    picker.addEventListener("toggle", () => {
      if (picker.open) input.focus();
    });
    picker.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && picker.open) {
        picker.open = false;
        picker.querySelector("summary").focus();
      }
    });
  }

  function enhanceTooltips() {
    var tip = document.createElement("div");
    tip.className = "tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    var active = null;
    function hide() {
      if (active) active.title.textContent = active.text;
      active = null;
      tip.hidden = true;
    }
    document.querySelectorAll(".chart-svg svg").forEach((svg) => {
      svg.addEventListener("mouseover", (event) => {
        var target = event.target;
        var title = target?.querySelector ? target.querySelector(":scope > title") : null;
        if (!title || target === svg) return;
        hide();
        active = { title: title, text: title.textContent };
        tip.textContent = active.text;
        title.textContent = "";
        tip.hidden = false;
      });
      svg.addEventListener("mousemove", (event) => {
        if (tip.hidden) return;
        tip.style.left = `${Math.min(event.clientX + 12, window.innerWidth - tip.offsetWidth - 4)}px`;
        tip.style.top = `${event.clientY + 14}px`;
      });
      svg.addEventListener("mouseout", hide);
    });
  }

  function openDetailsForPrint() {
    var opened = [];
    window.addEventListener("beforeprint", () => {
      document.querySelectorAll("details.chart-data:not([open])").forEach((details) => {
        details.open = true;
        opened.push(details);
      });
    });
    window.addEventListener("afterprint", () => {
      opened.forEach((details) => {
        details.open = false;
      });
      opened = [];
    });
  }

  enhanceTables();
  enhanceAreaPicker();
  enhanceTooltips();
  openDetailsForPrint();
})();
