from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'lanes/curve.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lane = resolve('lane')
    l_0_stages = resolve('stages')
    l_0_colours = resolve('colours')
    l_0_t = resolve('t')
    l_0_curve = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    l_0_curve = environment.getitem(environment.getattr((undefined(name='lane') if l_0_lane is missing else l_0_lane), 'cells'), 0)
    context.vars['curve'] = l_0_curve
    context.exported_vars.add('curve')
    yield '      <td class="curve-cell" colspan="'
    yield escape(environment.finalize(t_1((undefined(name='stages') if l_0_stages is missing else l_0_stages))))
    yield '">\n        <svg height="'
    yield escape(environment.finalize(environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'height')))
    yield '" role="img" aria-labelledby="curve-title">\n          <title id="curve-title">'
    yield escape(environment.finalize(environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'summary')))
    yield '</title>\n'
    for l_1_x in environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'dividers'):
        _loop_vars = {}
        pass
        yield '          <line x1="'
        yield escape(environment.finalize(l_1_x))
        yield '" y1="0" x2="'
        yield escape(environment.finalize(l_1_x))
        yield '" y2="'
        yield escape(environment.finalize(environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'height')))
        yield '" stroke="'
        yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'rule')))
        yield '" stroke-width="1"/>\n'
    l_1_x = missing
    yield '          <line class="neutral" x1="0" y1="'
    yield escape(environment.finalize(environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'neutral_y')))
    yield '" x2="100%" y2="'
    yield escape(environment.finalize(environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'neutral_y')))
    yield '" stroke="'
    yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'neutral')))
    yield '" stroke-width="1.5" stroke-dasharray="6 5"/>\n'
    for l_1_segment in environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'baseline_segments'):
        _loop_vars = {}
        pass
        yield '          <line class="baseline" x1="'
        yield escape(environment.finalize(environment.getattr(l_1_segment, 'x1')))
        yield '" y1="'
        yield escape(environment.finalize(environment.getattr(l_1_segment, 'y1')))
        yield '" x2="'
        yield escape(environment.finalize(environment.getattr(l_1_segment, 'x2')))
        yield '" y2="'
        yield escape(environment.finalize(environment.getattr(l_1_segment, 'y2')))
        yield '" stroke="'
        yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'baseline')))
        yield '" stroke-width="2" stroke-dasharray="5 4" stroke-linecap="round"/>\n'
    l_1_segment = missing
    for l_1_point in environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'baseline_points'):
        _loop_vars = {}
        pass
        yield '          <circle class="baseline" cx="'
        yield escape(environment.finalize(environment.getattr(l_1_point, 'x')))
        yield '" cy="'
        yield escape(environment.finalize(environment.getattr(l_1_point, 'y')))
        yield '" r="4.5" fill="'
        yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'surface')))
        yield '" stroke="'
        yield escape(environment.finalize(environment.getattr(l_1_point, 'colour')))
        yield '" stroke-width="2"><title>'
        yield escape(environment.finalize(environment.getattr(l_1_point, 'title')))
        yield '</title></circle>\n'
    l_1_point = missing
    for l_1_segment in environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'segments'):
        _loop_vars = {}
        pass
        yield '          <line class="curve" x1="'
        yield escape(environment.finalize(environment.getattr(l_1_segment, 'x1')))
        yield '" y1="'
        yield escape(environment.finalize(environment.getattr(l_1_segment, 'y1')))
        yield '" x2="'
        yield escape(environment.finalize(environment.getattr(l_1_segment, 'x2')))
        yield '" y2="'
        yield escape(environment.finalize(environment.getattr(l_1_segment, 'y2')))
        yield '" stroke="'
        yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'curve')))
        yield '" stroke-width="2.5" stroke-linecap="round"/>\n'
    l_1_segment = missing
    for l_1_x in environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'gaps'):
        _loop_vars = {}
        pass
        yield '          <text class="curve-gap" x="'
        yield escape(environment.finalize(l_1_x))
        yield '" y="'
        yield escape(environment.finalize(environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'neutral_y')))
        yield '" dy="-6" text-anchor="middle">– '
        yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'note.no_emotion')))
        yield '</text>\n'
    l_1_x = missing
    for l_1_point in environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'points'):
        _loop_vars = {}
        pass
        if environment.getattr(l_1_point, 'lowest'):
            pass
            yield '          <circle cx="'
            yield escape(environment.finalize(environment.getattr(l_1_point, 'x')))
            yield '" cy="'
            yield escape(environment.finalize(environment.getattr(l_1_point, 'y')))
            yield '" r="12" fill="none" stroke="'
            yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'lowest')))
            yield '" stroke-width="1.5" stroke-dasharray="3 2"/>\n'
        yield '          <circle class="point" cx="'
        yield escape(environment.finalize(environment.getattr(l_1_point, 'x')))
        yield '" cy="'
        yield escape(environment.finalize(environment.getattr(l_1_point, 'y')))
        yield '" r="7" fill="'
        yield escape(environment.finalize(environment.getattr(l_1_point, 'colour')))
        yield '" stroke="'
        yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'surface')))
        yield '" stroke-width="2"><title>'
        yield escape(environment.finalize(environment.getattr(l_1_point, 'title')))
        yield '</title></circle>\n'
        for l_2_label in environment.getattr(l_1_point, 'labels'):
            _loop_vars = {}
            pass
            yield '          <text class="'
            yield escape(environment.finalize(environment.getattr(l_2_label, 'css')))
            yield '" x="'
            yield escape(environment.finalize(environment.getattr(l_1_point, 'x')))
            yield '" y="'
            yield escape(environment.finalize(environment.getattr(l_1_point, 'y')))
            yield '" dy="'
            yield escape(environment.finalize(environment.getattr(l_2_label, 'dy')))
            yield '" text-anchor="middle">'
            yield escape(environment.finalize(environment.getattr(l_2_label, 'text')))
            yield '</text>\n'
        l_2_label = missing
    l_1_point = missing
    yield '        </svg>\n        <ul class="legend" aria-label="'
    yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'heading.legend')))
    yield '">\n'
    for (l_1_kind, l_1_label) in environment.getattr((undefined(name='curve') if l_0_curve is missing else l_0_curve), 'legend'):
        _loop_vars = {}
        pass
        yield '          <li class="legend-'
        yield escape(environment.finalize(l_1_kind))
        yield '">'
        if (l_1_kind == 'curve'):
            pass
            yield '<svg viewBox="0 0 26 12" aria-hidden="true"><line x1="1" y1="6" x2="25" y2="6" stroke="'
            yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'curve')))
            yield '" stroke-width="2.5" stroke-linecap="round"/><circle cx="13" cy="6" r="4" fill="'
            yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'curve')))
            yield '"/></svg>'
        elif (l_1_kind == 'baseline'):
            pass
            yield '<svg viewBox="0 0 26 12" aria-hidden="true"><line x1="1" y1="6" x2="25" y2="6" stroke="'
            yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'baseline')))
            yield '" stroke-width="2" stroke-dasharray="5 4"/><circle cx="13" cy="6" r="3.5" fill="'
            yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'surface')))
            yield '" stroke="'
            yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'baseline')))
            yield '" stroke-width="2"/></svg>'
        elif (l_1_kind == 'neutral'):
            pass
            yield '<svg viewBox="0 0 26 12" aria-hidden="true"><line x1="1" y1="6" x2="25" y2="6" stroke="'
            yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'neutral')))
            yield '" stroke-width="1.5" stroke-dasharray="6 5"/></svg>'
        else:
            pass
            yield '<svg viewBox="0 0 26 12" aria-hidden="true"><circle cx="13" cy="6" r="5" fill="none" stroke="'
            yield escape(environment.finalize(environment.getitem((undefined(name='colours') if l_0_colours is missing else l_0_colours), 'lowest')))
            yield '" stroke-width="1.5" stroke-dasharray="3 2"/></svg>'
        yield escape(environment.finalize(l_1_label))
        yield '</li>\n'
    l_1_kind = l_1_label = missing
    yield '        </ul>\n      </td>\n'

blocks = {}
debug_info = '2=22&3=26&4=28&5=30&6=32&7=36&9=46&10=52&11=56&13=67&14=71&16=82&17=86&19=97&20=101&22=108&23=111&24=114&26=121&27=131&28=135&32=148&33=150&34=154&35=156&36=163&37=172&38=180&39=182'