/*
 * The what-if calculator (progressive enhancement of what-if.html): the page already shows every built-in
 * scenario as a table; this script adds controls for the pot, the need-measure weights, a floor and the
 * rounding, and on every change calls window.ntgModels.allocate (the project's own models, bundled into
 * assets/models.js) and redraws the results with assets/what-if-view.js. A model error (an unaffordable
 * floor, weights that sum to 0 …) is shown in an aria-live region instead of results. The inputs of the
 * current split are kept on the results element (data-pot, data-rule) so they can be checked.
 * A classic script (not a module), so it also runs from file://.
 */
(() => {
  const root = document.getElementById("what-if");
  const models = window.ntgModels;
  const view = window.ntgWhatIfView;
  if (!root || !models || !view) return;
  const scenarios = JSON.parse(root.getAttribute("data-scenarios") || "[]");
  if (scenarios.length === 0) return;
  const ROUNDING_UNITS = [0.01, 1, 10, 100, 1000];
  const state = { scenario: scenarios[0], weights: {}, ruleTouched: false };
  const controls = {};

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach((name) => {
      node.setAttribute(name, String(attributes[name]));
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A labelled number box with a slider beside it; both call `onChange(value)`; `valueText` speaks the value. */
  function sliderField(id, label, help, range, valueText, onChange) {
    const field = element("div", { class: "what-if-field" });
    field.appendChild(element("label", { for: id, id: `${id}-label` }, label));
    const inputs = element("div", { class: "what-if-inputs" });
    const slider = element("input", {
      type: "range",
      id: `${id}-slider`,
      "aria-labelledby": `${id}-label`,
      "aria-describedby": `${id}-help`,
      min: range.min,
      max: range.max,
      step: range.step,
    });
    const box = element("input", {
      type: "number",
      id: id,
      "aria-describedby": `${id}-help`,
      min: range.min,
      step: range.boxStep,
      inputmode: "decimal",
    });
    function changed(value) {
      slider.setAttribute("aria-valuetext", valueText(value));
      onChange(value);
    }
    slider.addEventListener("input", () => {
      box.value = slider.value;
      changed(Number(slider.value));
    });
    box.addEventListener("input", () => {
      slider.value = box.value;
      changed(box.value === "" ? Number.NaN : Number(box.value));
    });
    inputs.appendChild(slider);
    inputs.appendChild(box);
    field.appendChild(inputs);
    field.appendChild(element("p", { class: "what-if-help", id: `${id}-help` }, help));
    return { field, slider, box, help: field.lastChild, valueText };
  }

  function setField(control, value) {
    control.slider.value = String(value);
    control.box.value = String(value);
    control.slider.setAttribute("aria-valuetext", control.valueText(value));
  }

  function roundUp(value, step) {
    return Math.max(step, Math.ceil(value / step) * step);
  }

  /** The measures shown as sliders: the scenario's own first, then the rest (average-score only if used). */
  function measuresOf(scenario) {
    const used = (scenario.rule.measures || scenario.rule.referenceNeed || []).map((m) => m.measure);
    const all = scenario.measures.filter((m) => m.name !== "average-score" || used.indexOf(m.name) >= 0);
    return all.slice().sort((a, b) => rank(used, a.name) - rank(used, b.name));
  }

  function rank(used, name) {
    const index = used.indexOf(name);
    return index === -1 ? used.length : index;
  }

  /** Starting weights for a scenario: its own measures; per head = population; else its reference need. */
  function startingWeights(scenario) {
    const weights = {};
    const rule = scenario.rule;
    const own =
      rule.measures || (rule.kind === "per-head" ? [{ measure: "population" }] : rule.referenceNeed);
    (own || []).forEach((m) => {
      weights[m.measure] = m.weight === undefined ? 1 : m.weight;
    });
    return weights;
  }

  /** The rule for the current controls: the scenario's own until a weight or the floor moves. */
  function currentRule() {
    const scenario = state.scenario;
    const unit = Number(controls.rounding.value);
    if (!state.ruleTouched) return Object.assign({}, scenario.rule, { roundingUnit: unit });
    const measures = measuresOf(scenario)
      .map((m) => ({ measure: m.name, weight: state.weights[m.name] ?? 0, basis: m.basis }))
      .filter((m) => m.weight !== 0);
    let rule = { kind: "need-weighted", measures: measures, roundingUnit: unit };
    const floor = Number(controls.floor.box.value === "" ? Number.NaN : controls.floor.box.value);
    if (floor !== 0 || scenario.rule.ceiling !== undefined) {
      rule = { kind: "need-weighted-with-floors", measures: measures, roundingUnit: unit, floor: floor };
      if (scenario.rule.ceiling !== undefined) rule.ceiling = scenario.rule.ceiling;
    }
    return rule;
  }

  function currentPot() {
    return controls.pot.box.value === "" ? Number.NaN : Number(controls.pot.box.value);
  }

  function describeRule(rule, pot) {
    const scenario = state.scenario;
    const unit = money(rule.roundingUnit);
    if (!state.ruleTouched) {
      const same = pot === scenario.pot && rule.roundingUnit === (scenario.rule.roundingUnit ?? 0.01);
      return same
        ? `Showing “${scenario.title}” exactly as defined: ${scenario.ruleLabel}.`
        : `The rule of “${scenario.title}” (${scenario.ruleLabel}) with a pot of ${money(pot)}, rounded to ${unit}.`;
    }
    const total = rule.measures.reduce((sum, m) => sum + m.weight, 0);
    const labels = measuresOf(scenario).reduce((map, m) => Object.assign(map, { [m.name]: m.label }), {});
    const parts = rule.measures.map(
      (m) => `${labels[m.measure]} ${total > 0 ? view.percent(m.weight / total) : "?"}`,
    );
    const floor = rule.floor ? `, floor ${money(rule.floor)}` : ", no floor";
    return `Your rule: need-weighted by ${parts.length ? parts.join(" + ") : "no measure"}${floor}; pot ${money(pot)}, rounded to ${unit} (started from “${scenario.title}”).`;
  }

  /** £ with pence only when there are pence: £800,000 and £812,345.67. */
  function money(value) {
    return view.pounds(value, Number.isInteger(value) ? 0 : 2);
  }

  /** The model's message without the function name it starts with, then its hint. */
  function errorText(error) {
    const message = String(error?.message || error).replace(/^allocate \([^)]*\): /, "");
    const hint = error?.hint ? ` Hint: ${error.hint}.` : "";
    return `This split cannot be made: ${message}${/[.!?]$/.test(message) ? "" : "."}${hint}`;
  }

  function update() {
    const scenario = state.scenario;
    const pot = currentPot();
    const rule = currentRule();
    controls.status.textContent = describeRule(rule, pot);
    controls.results.setAttribute("data-scenario", scenario.id);
    controls.results.setAttribute("data-pot", String(pot));
    controls.results.setAttribute("data-rule", JSON.stringify(rule));
    let result;
    try {
      result = models.allocate(pot, scenario.recipients, rule);
    } catch (error) {
      controls.error.textContent = errorText(error);
      controls.results.hidden = true;
      return;
    }
    controls.error.textContent = "";
    controls.results.hidden = false;
    const area =
      scenario.areaType === "locality"
        ? "locality"
        : scenario.areaType === "district"
          ? "district"
          : "recipient";
    const title = `${state.ruleTouched ? "Your split" : scenario.title}: amount per ${area}`;
    view.renderChart(controls.chart, result, scenario.recipients, {
      title: `${title}${scenario.baselineTitle ? `, with the baseline (${scenario.baselineTitle}) marked` : ""}`,
    });
    view.renderTable(controls.table, result, scenario.recipients, {
      caption: title,
      areaLabel: area.charAt(0).toUpperCase() + area.slice(1),
    });
    controls.notes.textContent = result.notes.length
      ? `Notes from the model: ${result.notes.join("; ")}.`
      : "";
  }

  function weightChanged(name, value) {
    state.weights[name] = value;
    state.ruleTouched = true;
    showWeightShares();
    update();
  }

  function showWeightShares() {
    let total = 0;
    Object.keys(controls.weights).forEach((name) => {
      const weight = state.weights[name] ?? 0;
      if (Number.isFinite(weight) && weight > 0) total += weight;
    });
    Object.keys(controls.weights).forEach((name) => {
      const weight = state.weights[name] ?? 0;
      const share = total > 0 && Number.isFinite(weight) && weight > 0 ? weight / total : 0;
      controls.weights[name].output.textContent = `${view.percent(share)} of the pot follows this measure`;
      controls.weights[name].slider.setAttribute(
        "aria-valuetext",
        `weight ${weight}, ${view.percent(share)} of the pot`,
      );
    });
  }

  /** A slider and box per need measure (their help line says the share of the pot), and what each means. */
  function buildWeights(scenario) {
    controls.weightList.textContent = "";
    controls.weights = {};
    const definitions = element("dl", { class: "what-if-definitions" });
    measuresOf(scenario).forEach((measure, index) => {
      const id = `what-if-weight-${index}`;
      const control = sliderField(
        id,
        `Weight of ${measure.label}`,
        "",
        { min: 0, max: 1, step: 0.05, boxStep: 0.05 },
        (value) => `weight ${value}`,
        (value) => weightChanged(measure.name, value),
      );
      control.output = control.help;
      controls.weights[measure.name] = control;
      controls.weightList.appendChild(control.field);
      setField(control, state.weights[measure.name] ?? 0);
      definitions.appendChild(element("dt", {}, measure.label));
      definitions.appendChild(element("dd", {}, measure.definition));
    });
    const about = element("details", { class: "more what-if-about" });
    about.appendChild(element("summary", {}, "What the measures are"));
    about.appendChild(definitions);
    controls.weightList.appendChild(about);
    showWeightShares();
  }

  /** Puts every control back to the scenario as defined. */
  function resetTo(scenario) {
    state.scenario = scenario;
    state.weights = startingWeights(scenario);
    state.ruleTouched = false;
    const count = scenario.recipients.length;
    controls.pot.slider.max = String(roundUp(scenario.pot * 2, 1000));
    controls.pot.slider.step = String(roundUp(scenario.pot / 200, 1000));
    setField(controls.pot, scenario.pot);
    const floor = typeof scenario.rule.floor === "number" ? scenario.rule.floor : 0;
    controls.floor.slider.max = String(roundUp((1.5 * scenario.pot) / count, 1000));
    setField(controls.floor, floor);
    const unit = scenario.rule.roundingUnit ?? 0.01;
    controls.rounding.textContent = "";
    ROUNDING_UNITS.concat(ROUNDING_UNITS.indexOf(unit) === -1 ? [unit] : []).forEach((value) => {
      const option = element(
        "option",
        { value: value },
        value < 1 ? "a penny (£0.01)" : view.pounds(value, 0),
      );
      option.selected = value === unit;
      controls.rounding.appendChild(option);
    });
    buildWeights(scenario);
    update();
  }

  function scenarioPicker() {
    const field = element("div", { class: "what-if-field what-if-start" });
    field.appendChild(element("label", { for: "what-if-scenario" }, "Start from a built-in scenario"));
    const row = element("div", { class: "what-if-inputs" });
    const select = element("select", { id: "what-if-scenario" });
    const groups = {};
    scenarios.forEach((scenario) => {
      const label = scenario.recipientsLabel.replace(/ of .*/, "");
      if (!groups[label]) {
        groups[label] = element("optgroup", { label: label.charAt(0).toUpperCase() + label.slice(1) });
        select.appendChild(groups[label]);
      }
      groups[label].appendChild(element("option", { value: scenario.id }, scenario.title));
    });
    const reset = element("button", { type: "button", class: "what-if-reset" }, "Reset to this scenario");
    select.addEventListener("change", () => resetTo(scenarios.find((s) => s.id === select.value)));
    reset.addEventListener("click", () => resetTo(state.scenario));
    row.appendChild(select);
    row.appendChild(reset);
    field.appendChild(row);
    controls.select = select;
    return field;
  }

  function build() {
    const form = element("form", { class: "what-if-form", "aria-label": "What-if allocation" });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.appendChild(scenarioPicker());
    const potAndFloor = element("fieldset", { class: "what-if-money" });
    potAndFloor.appendChild(element("legend", {}, "Pot, floor and rounding"));
    controls.pot = sliderField(
      "what-if-pot",
      "Pot (£)",
      "The money to share out.",
      { min: 0, max: 1, step: 1000, boxStep: 1 },
      (value) => money(value),
      () => update(),
    );
    controls.floor = sliderField(
      "what-if-floor",
      "Floor (£)",
      "The least any recipient gets; others' gains above it are scaled down by one factor to pay for it. 0 = no floor.",
      { min: 0, max: 1, step: 1000, boxStep: 1 },
      (value) => (value === 0 ? "no floor" : money(value)),
      () => {
        state.ruleTouched = true;
        update();
      },
    );
    potAndFloor.appendChild(controls.pot.field);
    potAndFloor.appendChild(controls.floor.field);
    const rounding = element("div", { class: "what-if-field" });
    rounding.appendChild(element("label", { for: "what-if-rounding" }, "Round each amount to"));
    controls.rounding = element("select", { id: "what-if-rounding" });
    controls.rounding.addEventListener("change", () => update());
    rounding.appendChild(controls.rounding);
    potAndFloor.appendChild(rounding);
    const weights = element("fieldset", { class: "what-if-weights" });
    weights.appendChild(element("legend", {}, "Need measures: how much of the money follows each"));
    controls.weightList = element("div", { class: "what-if-weight-list" });
    weights.appendChild(controls.weightList);
    const panels = element("div", { class: "what-if-panels" });
    panels.appendChild(potAndFloor);
    panels.appendChild(weights);
    form.appendChild(panels);
    controls.status = element("p", { class: "what-if-status", id: "what-if-status" });
    controls.error = element("p", { class: "what-if-error", id: "what-if-error", "aria-live": "assertive" });
    controls.results = element("div", { class: "what-if-results", id: "what-if-results" });
    controls.chart = element("div", { class: "what-if-chart" });
    controls.table = element("table", { class: "data what-if-table" });
    const wrap = element("div", { class: "table-wrap", tabindex: 0 });
    wrap.appendChild(controls.table);
    controls.notes = element("p", { class: "table-note what-if-notes" });
    controls.results.appendChild(controls.chart);
    controls.results.appendChild(wrap);
    controls.results.appendChild(controls.notes);
    root.textContent = "";
    [form, controls.status, controls.error, controls.results].forEach((node) => {
      root.appendChild(node);
    });
  }

  build();
  const start =
    scenarios.find((s) => s.rule.kind === "need-weighted-with-floors") ||
    scenarios.find((s) => s.rule.kind === "need-weighted") ||
    scenarios[0];
  controls.select.value = start.id;
  resetTo(start);
})();
