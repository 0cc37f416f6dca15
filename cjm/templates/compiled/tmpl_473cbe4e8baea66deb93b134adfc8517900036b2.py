from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'journey.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_locale = resolve('locale')
    l_0_journey = resolve('journey')
    l_0_colours = resolve('colours')
    l_0_tones = resolve('tones')
    l_0_accents = resolve('accents')
    l_0_colon = resolve('colon')
    l_0_page_size = resolve('page_size')
    l_0_print_font = resolve('print_font')
    l_0_type_label = resolve('type_label')
    l_0_t = resolve('t')
    l_0_reviewed = resolve('reviewed')
    l_0_reviewed_text = resolve('reviewed_text')
    l_0_persona = resolve('persona')
    l_0_quoted = resolve('quoted')
    l_0_stages = resolve('stages')
    l_0_stage_min = resolve('stage_min')
    l_0_lanes = resolve('lanes')
    l_0_dots = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    included_template = environment.get_template('lanes/macros.html.j2', 'journey.html.j2')._get_default_module(context)
    l_0_dots = getattr(included_template, 'dots', missing)
    if l_0_dots is missing:
        l_0_dots = undefined(f"the template {included_template.__name__!r} (imported on line 4 in 'journey.html.j2') does not export the requested name 'dots'", name='dots')
    context.vars['dots'] = l_0_dots
    context.exported_vars.discard('dots')
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.finalize((undefined(name='locale') if l_0_locale is missing else l_0_locale)))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n<title>'
    yield escape(environment.finalize(environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'title')))
    yield '</title>\n<style>\n:root {\n'
    for (l_1_name, l_1_value) in context.call(environment.getattr((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'items')):
        _loop_vars = {}
        pass
        yield '  --'
        yield escape(environment.finalize(l_1_name))
        yield ': '
        yield escape(environment.finalize(l_1_value))
        yield ';\n'
    l_1_name = l_1_value = missing
    yield '  --lane-width: 7.75rem;\n  --radius: 8px;\n  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;\n  color: var(--ink);\n  background: var(--page);\n  -webkit-print-color-adjust: exact;\n  print-color-adjust: exact;\n}\n*, *::before, *::after { box-sizing: border-box; }\n/* Words wrap whole; only a word longer than its box (a URL) may break. */\nbody { margin: 0; padding: 24px 24px 40px; font-size: 14px; line-height: 1.45; overflow-wrap: break-word; }\nh1, h2, h3, p, ul, ol, dl, dd, blockquote, figure { margin: 0; }\nul { padding: 0; list-style: none; }\na { color: var(--link); text-underline-offset: 2px; }\na:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }\np, li, dd, h1, h2, blockquote, figcaption { unicode-bidi: plaintext; }\n.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }\n.eyebrow { font-size: 11px; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }\n.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: .88em; font-weight: 650; line-height: 1.6; white-space: nowrap; }\n'
    for (l_1_name, l_1_pair) in context.call(environment.getattr((undefined(name='tones') if l_0_tones is missing else l_0_tones), 'items')):
        _loop_vars = {}
        pass
        yield '.tone-'
        yield escape(environment.finalize(l_1_name))
        yield ' { color: '
        yield escape(environment.finalize(environment.getitem(l_1_pair, 0)))
        yield '; background-color: '
        yield escape(environment.finalize(environment.getitem(l_1_pair, 1)))
        yield '; }\n'
    l_1_name = l_1_pair = missing
    for (l_1_name, l_1_value) in context.call(environment.getattr((undefined(name='accents') if l_0_accents is missing else l_0_accents), 'items')):
        _loop_vars = {}
        pass
        yield '.accent-'
        yield escape(environment.finalize(l_1_name))
        yield ' { border-left-color: '
        yield escape(environment.finalize(l_1_value))
        yield '; }\n'
    l_1_name = l_1_value = missing
    yield '.dots { display: inline-flex; gap: 2px; vertical-align: middle; margin-right: 4px; }\n.dot { width: 7px; height: 7px; border-radius: 50%; border: 1.5px solid var(--lane-ink); }\n.dot.on { background: var(--lane-ink); }\n\n/* Header */\n.masthead { max-width: 1200px; margin-bottom: 20px; }\n.meta { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; margin-bottom: 10px; font-size: 13px; color: var(--muted); }\n.meta dl { display: flex; flex-wrap: wrap; gap: 6px 18px; }\n.meta dl div { display: flex; gap: 5px; }\n.meta dt { font-weight: 600; }\n.meta dt::after { content: "'
    yield escape(environment.finalize((undefined(name='colon') if l_0_colon is missing else l_0_colon)))
    yield '"; }\n.tags { display: flex; flex-wrap: wrap; gap: 6px; }\n.tag { font-size: 12px; padding: 0 8px; border: 1px solid var(--rule); border-radius: 999px; background: var(--surface); color: var(--muted); }\nh1 { font-size: 28px; line-height: 1.2; font-weight: 750; letter-spacing: -.01em; margin-bottom: 16px; }\n.objective { border-left: 5px solid var(--accent); background: var(--accent-soft); border-radius: 0 var(--radius) var(--radius) 0; padding: 12px 18px; }\n.objective h2 { font-size: 11px; font-weight: 800; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); margin-bottom: 3px; }\n.objective p { font-size: 17px; line-height: 1.45; font-weight: 500; }\n\n/* Persona */\n.persona { display: grid; grid-template-columns: minmax(280px, 1.5fr) repeat(3, minmax(160px, 1fr)); gap: 0; background: var(--surface); border: 1px solid var(--rule); border-radius: 12px; margin-bottom: 24px; }\n.persona > * { padding: 16px 18px; }\n.persona > * + * { border-left: 1px solid var(--rule); }\n.persona-id { display: flex; gap: 14px; align-items: center; margin-bottom: 10px; }\n.avatar { flex: none; width: 52px; height: 52px; border-radius: 50%; display: grid; place-items: center; background: var(--head); color: var(--head-ink); font-weight: 700; font-size: 18px; letter-spacing: .02em; }\n.persona h2 { font-size: 20px; line-height: 1.2; }\n.facts { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 13px; color: var(--muted); margin-top: 3px; }\n.facts dt, .facts dd { display: inline; }\n.facts dt::after { content: "'
    yield escape(environment.finalize((undefined(name='colon') if l_0_colon is missing else l_0_colon)))
    yield ' "; }\n.facts dd { color: var(--ink); }\n.persona-description { font-size: 13.5px; margin-bottom: 10px; }\n.persona blockquote { font-size: 14px; font-style: italic; border-left: 3px solid var(--rule); padding-left: 10px; }\n.persona h3 { font-size: 11px; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin-bottom: 8px; }\n.persona ul.bullets li { position: relative; padding-left: 14px; font-size: 13.5px; margin-bottom: 5px; }\n.persona ul.bullets li::before { content: ""; position: absolute; left: 2px; top: .6em; width: 5px; height: 5px; border-radius: 50%; background: var(--muted); }\n.chips { display: flex; flex-wrap: wrap; gap: 5px; }\n.chip { font-size: 12.5px; padding: 1px 9px; border-radius: 999px; background: var(--lane); color: var(--lane-ink); }\n\n/* Grid */\n/* The grid scrolls sideways inside its own box when the window is narrower than its stages need\n   (their least width holds their longest word); the lane labels stay in view. */\n.grid-wrap { position: relative; overflow-x: auto; background: var(--surface); border: 1px solid var(--rule); border-radius: 12px; }\n.grid-wrap:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }\n.grid-wrap::-webkit-scrollbar { height: 12px; }\n.grid-wrap::-webkit-scrollbar-track { background: var(--subtle); border-top: 1px solid var(--rule); }\n.grid-wrap::-webkit-scrollbar-thumb { background: var(--neutral); border: 3px solid var(--subtle); border-radius: 6px; }\ntable.journey { width: 100%; min-width: calc(var(--lane-width) + var(--stages) * var(--stage-min)); table-layout: fixed; border-collapse: separate; border-spacing: 0; font-size: 13px; }\ntable.journey caption { caption-side: top; text-align: start; padding: 10px 14px; }\ncol.lane-col { width: var(--lane-width); }\ntable.journey th, table.journey td { vertical-align: top; text-align: start; padding: 9px 8px; border-bottom: 1px solid var(--rule); border-right: 1px solid var(--rule); }\ntable.journey tr > :last-child { border-right: 0; }\ntable.journey tbody tr:last-child > * { border-bottom: 0; }\nthead th, thead td { background: var(--head); color: var(--head-ink); }\nthead td.corner { color: var(--head-muted); font-size: .85em; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; vertical-align: bottom; }\nthead th { font-weight: 650; font-size: 1.08em; line-height: 1.3; hyphens: manual; }\n.stage-number { display: inline-grid; place-items: center; min-width: 22px; height: 22px; padding: 0 5px; margin-bottom: 5px; border-radius: 999px; background: var(--head-ink); color: var(--head); font-size: .85em; font-weight: 800; }\n.stage-name { display: block; }\n.stage-description { display: block; margin-top: 5px; font-size: .86em; font-weight: 400; line-height: 1.4; color: var(--head-muted); }\nth[scope="row"], thead td.corner { position: sticky; left: 0; z-index: 2; }\nth[scope="row"] { box-shadow: 1px 0 0 var(--rule); background: var(--lane); color: var(--lane-ink); font-size: .85em; font-weight: 700; letter-spacing: .03em; text-transform: uppercase; line-height: 1.3; overflow-wrap: normal; hyphens: manual; }\ntd { hyphens: auto; }\ntd p { margin: 0; }\ntd ul.bullets li { position: relative; padding-left: 12px; margin-bottom: 4px; }\ntd ul.bullets li::before { content: ""; position: absolute; left: 1px; top: .62em; width: 4px; height: 4px; border-radius: 50%; background: var(--muted); }\n.lane-goal td p { font-weight: 600; }\n.lane-business_goal td p { color: var(--muted); }\n.lane-duration td p { color: var(--muted); font-weight: 600; }\n.thoughts li { background: var(--subtle); border: 1px solid var(--rule); border-radius: 10px 10px 10px 2px; padding: 5px 8px; margin-bottom: 6px; font-style: italic; }\n.cards > li { background: var(--surface); border: 1px solid var(--rule); border-radius: 6px; padding: 6px 7px; margin-bottom: 7px; }\n.cards > li:last-child, td ul > li:last-child { margin-bottom: 0; }\n.card-top { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin-bottom: 4px; }\n.card-title { font-weight: 650; display: block; }\n.small { font-size: .92em; color: var(--muted); display: block; margin-top: 3px; }\n.score { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: .88em; font-weight: 700; color: var(--ink); white-space: nowrap; border: 1px solid rgba(0, 0, 0, .08); }\n.channel { font-size: .88em; font-weight: 600; color: var(--lane-ink); }\n.kind { font-weight: 400; color: var(--muted); }\n.moment { margin-top: 4px; white-space: normal; border-radius: 6px; }\n.drop-off { display: block; margin-top: 5px; padding: 3px 6px; border-radius: 4px; font-size: .92em; }\n.pain { border-left-width: 4px !important; }\n.opportunity { border-left: 4px solid var(--opportunity) !important; }\n.levels { display: flex; flex-wrap: wrap; gap: 2px 10px; font-size: .88em; color: var(--muted); margin-top: 4px; }\n.refs { margin-top: 5px; font-size: .92em; }\n.refs .label { color: var(--muted); font-weight: 600; }\n.refs li { margin-top: 2px; }\n.refs li { list-style: none; }\n.refs a { text-decoration: none; }\n.refs a:hover { text-decoration: underline; }\n.ref { display: inline-block; font-size: .85em; font-weight: 750; font-variant-numeric: tabular-nums; padding: 0 5px; border-radius: 4px; border: 1px solid var(--rule); color: var(--lane-ink); background: var(--subtle); }\n.refs .ref { color: var(--link); border-color: currentColor; }\n.unaddressed { display: block; margin-top: 5px; font-size: .92em; font-weight: 600; color: var(--lowest); }\ndetails { margin-top: 5px; font-size: .92em; color: var(--muted); }\nsummary { cursor: pointer; font-weight: 600; }\ndetails li, .evidence-print li { margin-top: 3px; padding-left: 8px; border-left: 2px solid var(--rule); }\n/* Folded <details> do not print: paper gets the same evidence as an open list. */\n.evidence-print { display: none; margin-top: 5px; font-size: .92em; color: var(--muted); }\n.evidence-print .label { font-weight: 600; }\n.kpis li { margin-bottom: 9px; }\n.kpi-name { display: block; font-size: .96em; }\n.kpi-figures { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 6px; margin: 2px 0 3px; }\n.kpi-value { font-size: 1.23em; font-weight: 750; }\n.kpi-target { font-size: .92em; color: var(--muted); }\n.kpis .badge { white-space: normal; }\n.quotes blockquote { font-style: italic; border-left: 3px solid var(--rule); padding-left: 8px; margin-bottom: 8px; }\n.quotes figcaption { font-size: .92em; color: var(--muted); margin: -5px 0 8px 11px; }\n.quotes figcaption::before { content: "— "; }\n\n/* Emotional curve */\ntable.journey td.curve-cell { padding: 0; background: linear-gradient(var(--surface), var(--subtle)); }\ntd.curve-cell > svg { display: block; width: 100%; overflow: visible; }\n.curve-label { font-size: 12.5px; font-weight: 750; fill: var(--ink); paint-order: stroke; stroke: var(--surface); stroke-width: 4px; stroke-linejoin: round; }\n.curve-word { font-size: 11px; fill: var(--muted); paint-order: stroke; stroke: var(--surface); stroke-width: 4px; stroke-linejoin: round; }\n.curve-lowest { font-size: 11px; font-weight: 750; fill: var(--lowest); paint-order: stroke; stroke: var(--surface); stroke-width: 4px; stroke-linejoin: round; }\n.curve-gap { font-size: 11px; fill: var(--muted); font-style: italic; }\n.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 6px 12px 8px; font-size: .92em; color: var(--muted); border-top: 1px dashed var(--rule); }\n.legend li { display: flex; align-items: center; gap: 6px; }\n.legend svg { width: 26px; height: 12px; flex: none; }\n\n/* Service blueprint */\ntr.lane-line_of_visibility th[scope="row"] { background: var(--surface); color: var(--accent); }\ntable.journey td.visibility-cell { vertical-align: middle; padding: 0 10px; }\n.visibility-line { border-top: 3px dashed var(--accent); }\ntr.lane-backstage td, tr.lane-support td { background: var(--subtle); }\n\n@media (max-width: 1300px) { body { padding: 16px 16px 32px; } }\n@media (max-width: 900px) { .persona { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } .persona > :first-child { grid-column: 1 / -1; } .persona > * + * { border-left: 0; border-top: 1px solid var(--rule); } }\n@page { size: '
    yield escape(environment.finalize((undefined(name='page_size') if l_0_page_size is missing else l_0_page_size)))
    yield '; margin: 10mm; }\n@media print {\n  :root { background: #fff; }\n  body { padding: 0; font-size: 9pt; }\n  .masthead { max-width: none; margin-bottom: 8px; }\n  h1 { font-size: 16pt; margin-bottom: 8px; }\n  .objective p { font-size: 11pt; }\n  .persona { margin-bottom: 10px; break-inside: avoid; grid-template-columns: 1.5fr 1fr 1fr 1fr; }\n  .persona > * { padding: 8px 10px; }\n  .persona > :first-child { grid-column: auto; }\n  .persona > * + * { border-top: 0; border-left: 1px solid var(--rule); }\n  .grid-wrap { overflow: visible; border: 0; border-radius: 0; }\n  table.journey { min-width: calc(24mm + var(--stages) * var(--stage-min)); font-size: '
    yield escape(environment.finalize((undefined(name='print_font') if l_0_print_font is missing else l_0_print_font)))
    yield '; }\n  col.lane-col { width: 24mm; }\n  table.journey th, table.journey td { padding: 4px 5px; }\n  th[scope="row"], thead td.corner { position: static; }\n  thead { display: table-header-group; }\n  tr { break-inside: avoid; }\n  caption { break-after: avoid; }\n  .stage-description { display: none; }\n  details.evidence { display: none; }\n  .evidence-print { display: block; }\n  a { color: inherit; text-decoration: none; }\n}\n</style>\n</head>\n<body>\n<header class="masthead">\n  <div class="meta">\n'
    if (undefined(name='type_label') if l_0_type_label is missing else l_0_type_label):
        pass
        yield '    <span class="badge tone-type"><span class="sr-only">'
        yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'field.type')))
        yield escape(environment.finalize((undefined(name='colon') if l_0_colon is missing else l_0_colon)))
        yield ' </span>'
        yield escape(environment.finalize((undefined(name='type_label') if l_0_type_label is missing else l_0_type_label)))
        yield '</span>\n'
    if (environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'owner') or (undefined(name='reviewed') if l_0_reviewed is missing else l_0_reviewed)):
        pass
        yield '    <dl>\n'
        if environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'owner'):
            pass
            yield '      <div><dt>'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'field.owner')))
            yield '</dt><dd>'
            yield escape(environment.finalize(environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'owner')))
            yield '</dd></div>\n'
        if (undefined(name='reviewed') if l_0_reviewed is missing else l_0_reviewed):
            pass
            yield '      <div><dt>'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'field.reviewed')))
            yield '</dt><dd><time datetime="'
            yield escape(environment.finalize((undefined(name='reviewed') if l_0_reviewed is missing else l_0_reviewed)))
            yield '">'
            yield escape(environment.finalize((undefined(name='reviewed_text') if l_0_reviewed_text is missing else l_0_reviewed_text)))
            yield '</time></dd></div>\n'
        yield '    </dl>\n'
    if environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'tags'):
        pass
        yield '    <ul class="tags">\n'
        for l_1_tag in environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'tags'):
            _loop_vars = {}
            pass
            yield '      <li class="tag">'
            yield escape(environment.finalize(l_1_tag))
            yield '</li>\n'
        l_1_tag = missing
        yield '    </ul>\n'
    yield '  </div>\n  <h1>'
    yield escape(environment.finalize(environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'title')))
    yield '</h1>\n'
    if environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'objective'):
        pass
        yield '  <section class="objective" aria-labelledby="objective-heading">\n    <h2 id="objective-heading">'
        yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'heading.objective')))
        yield '</h2>\n    <p>'
        yield escape(environment.finalize(environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'objective')))
        yield '</p>\n  </section>\n'
    yield '</header>\n<main>\n'
    if (undefined(name='persona') if l_0_persona is missing else l_0_persona):
        pass
        yield '<section class="persona" aria-labelledby="persona-name">\n  <div>\n    <div class="persona-id">\n      <div class="avatar" aria-hidden="true">'
        yield escape(environment.finalize(environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'initials')))
        yield '</div>\n      <div>\n        <p class="eyebrow">'
        yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'heading.persona')))
        yield '</p>\n        <h2 id="persona-name">'
        yield escape(environment.finalize(environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'name')))
        yield '</h2>\n'
        if (environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'facts') or environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'maturity')):
            pass
            yield '        <dl class="facts">\n'
            for (l_1_label, l_1_value) in environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'facts'):
                _loop_vars = {}
                pass
                yield '          <div><dt>'
                yield escape(environment.finalize(l_1_label))
                yield '</dt><dd>'
                yield escape(environment.finalize(l_1_value))
                yield '</dd></div>\n'
            l_1_label = l_1_value = missing
            if environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'maturity'):
                pass
                yield '          <div><dt>'
                yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'field.digital_maturity')))
                yield '</dt><dd>'
                yield escape(environment.finalize(context.call((undefined(name='dots') if l_0_dots is missing else l_0_dots), environment.getitem(environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'maturity'), 1))))
                yield escape(environment.finalize(environment.getitem(environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'maturity'), 0)))
                yield '</dd></div>\n'
            yield '        </dl>\n'
        yield '      </div>\n    </div>\n'
        if environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'description'):
            pass
            yield '    <p class="persona-description">'
            yield escape(environment.finalize(environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'description')))
            yield '</p>\n'
        if environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'quote'):
            pass
            yield '    <blockquote>'
            yield escape(environment.finalize(context.call((undefined(name='quoted') if l_0_quoted is missing else l_0_quoted), environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'quote'))))
            yield '</blockquote>\n'
        yield '  </div>\n'
        for (l_1_heading, l_1_items) in [('heading.goals', environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'goals')), ('heading.frustrations', environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'frustrations'))]:
            _loop_vars = {}
            pass
            if l_1_items:
                pass
                yield '  <div>\n    <h3>'
                yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), l_1_heading)))
                yield '</h3>\n    <ul class="bullets">\n'
                for l_2_item in l_1_items:
                    _loop_vars = {}
                    pass
                    yield '      <li>'
                    yield escape(environment.finalize(l_2_item))
                    yield '</li>\n'
                l_2_item = missing
                yield '    </ul>\n  </div>\n'
        l_1_heading = l_1_items = missing
        if environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'channels'):
            pass
            yield '  <div>\n    <h3>'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'heading.channels')))
            yield '</h3>\n    <ul class="chips">\n'
            for l_1_channel in environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'channels'):
                _loop_vars = {}
                pass
                yield '      <li class="chip">'
                yield escape(environment.finalize(l_1_channel))
                yield '</li>\n'
            l_1_channel = missing
            yield '    </ul>\n  </div>\n'
        yield '</section>\n'
    yield '<div class="grid-wrap" role="region" aria-labelledby="grid-caption" tabindex="0">\n<table class="journey" style="--stages: '
    yield escape(environment.finalize(t_1((undefined(name='stages') if l_0_stages is missing else l_0_stages))))
    yield '; --stage-min: '
    yield escape(environment.finalize((undefined(name='stage_min') if l_0_stage_min is missing else l_0_stage_min)))
    yield '">\n  <caption id="grid-caption"><span class="eyebrow">'
    yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'heading.journey_map')))
    yield '</span><span class="sr-only">'
    yield escape(environment.finalize(environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'title')))
    yield '</span></caption>\n  <colgroup><col class="lane-col"><col span="'
    yield escape(environment.finalize(t_1((undefined(name='stages') if l_0_stages is missing else l_0_stages))))
    yield '" class="stage-col"></colgroup>\n  <thead>\n    <tr>\n      <td class="corner">'
    yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'heading.stages')))
    yield '</td>\n'
    for l_1_stage in (undefined(name='stages') if l_0_stages is missing else l_0_stages):
        _loop_vars = {}
        pass
        yield '      <th scope="col" id="'
        yield escape(environment.finalize(environment.getattr(l_1_stage, 'anchor')))
        yield '"><span class="stage-number"><span class="sr-only">'
        yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'heading.stage')))
        yield ' </span>'
        yield escape(environment.finalize(environment.getattr(l_1_stage, 'number')))
        yield '</span><span class="stage-name">'
        yield escape(environment.finalize(environment.getattr(l_1_stage, 'name')))
        yield '</span>'
        if environment.getattr(l_1_stage, 'description'):
            pass
            yield '<span class="stage-description">'
            yield escape(environment.finalize(environment.getattr(l_1_stage, 'description')))
            yield '</span>'
        yield '</th>\n'
    l_1_stage = missing
    yield '    </tr>\n  </thead>\n  <tbody>\n'
    for l_1_lane in (undefined(name='lanes') if l_0_lanes is missing else l_0_lanes):
        _loop_vars = {}
        pass
        yield '    <tr class="lane-'
        yield escape(environment.finalize(environment.getattr(l_1_lane, 'key')))
        yield '">\n      <th scope="row">'
        yield escape(environment.finalize(environment.getattr(l_1_lane, 'label')))
        yield '</th>\n'
        if (environment.getattr(l_1_lane, 'kind') in ('curve', 'separator')):
            pass
            template = environment.get_or_select_template(markup_join(('lanes/', environment.getattr(l_1_lane, 'kind'), '.html.j2', )), 'journey.html.j2')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'lane': l_1_lane, 'dots': l_0_dots}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
        else:
            pass
            for l_2_cell in environment.getattr(l_1_lane, 'cells'):
                _loop_vars = {}
                pass
                if (not l_2_cell):
                    pass
                    yield '      <td></td>\n'
                else:
                    pass
                    template = environment.get_or_select_template(markup_join(('lanes/', environment.getattr(l_1_lane, 'kind'), '.html.j2', )), 'journey.html.j2')
                    gen = template.root_render_func(template.new_context(context.get_all(), True, {'cell': l_2_cell, 'lane': l_1_lane, 'dots': l_0_dots}))
                    try:
                        for event in gen:
                            yield event
                    finally: gen.close()
            l_2_cell = missing
        yield '    </tr>\n'
    l_1_lane = missing
    yield '  </tbody>\n</table>\n</div>\n</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '4=35&6=42&11=44&14=46&15=50&36=56&37=60&39=67&40=71&52=77&69=79&166=81&178=83&195=85&196=88&198=93&200=96&201=99&203=103&204=106&208=113&210=116&211=120&216=125&217=127&219=130&220=132&225=135&229=138&231=140&232=142&233=144&235=147&236=151&238=156&239=159&245=166&246=169&248=171&249=174&252=177&253=180&255=183&257=185&258=189&264=194&266=197&268=199&269=203&277=209&278=213&279=217&282=219&283=221&284=225&289=241&290=245&291=247&292=249&293=251&295=259&296=262&299=267'