from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'lanes/touchpoints.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cell = resolve('cell')
    l_0_t = resolve('t')
    pass
    yield '      <td>\n'
    if environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'alternatives'):
        pass
        yield '        <span class="small alternatives">'
        yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'note.alternatives')))
        yield '</span>\n'
    yield '        <ul class="cards">\n'
    for l_1_tp in environment.getattr((undefined(name='cell') if l_0_cell is missing else l_0_cell), 'items'):
        l_1_colon = resolve('colon')
        _loop_vars = {}
        pass
        yield '          <li id="'
        yield escape(environment.finalize(environment.getattr(l_1_tp, 'anchor')))
        yield '">\n            <div class="card-top">'
        if environment.getattr(l_1_tp, 'score'):
            pass
            yield '<span class="score" style="background-color: '
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_tp, 'score'), 'fill')))
            yield '" title="'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_tp, 'score'), 'title')))
            yield '"><span class="sr-only">'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'field.emotion')))
            yield escape(environment.finalize((undefined(name='colon') if l_1_colon is missing else l_1_colon)))
            yield ' </span>'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_tp, 'score'), 'text')))
            yield '</span>'
        if (environment.getattr(l_1_tp, 'channel') or environment.getattr(l_1_tp, 'kind')):
            pass
            yield '<span class="channel">'
            if environment.getattr(l_1_tp, 'channel'):
                pass
                yield '<span class="sr-only">'
                yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'field.channel')))
                yield escape(environment.finalize((undefined(name='colon') if l_1_colon is missing else l_1_colon)))
                yield ' </span>'
                yield escape(environment.finalize(environment.getattr(l_1_tp, 'channel')))
            if environment.getattr(l_1_tp, 'kind'):
                pass
                yield '<span class="kind">'
                if environment.getattr(l_1_tp, 'channel'):
                    pass
                    yield ' · '
                yield escape(environment.finalize(environment.getattr(l_1_tp, 'kind')))
                yield '</span>'
            yield '</span>'
        yield '</div>\n            <span class="card-title">'
        yield escape(environment.finalize(environment.getattr(l_1_tp, 'name')))
        yield '</span>\n'
        if environment.getattr(l_1_tp, 'moment_of_truth'):
            pass
            yield '            <span class="badge tone-moment moment">★ '
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'note.moment_of_truth')))
            yield '</span>\n'
        if environment.getattr(l_1_tp, 'description'):
            pass
            yield '            <span class="small">'
            yield escape(environment.finalize(environment.getattr(l_1_tp, 'description')))
            yield '</span>\n'
        for l_2_step in environment.getattr(l_1_tp, 'steps'):
            _loop_vars = {}
            pass
            yield '            <span class="small next-step">→ <a href="'
            yield escape(environment.finalize(environment.getattr(l_2_step, 'href')))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_2_step, 'ref')))
            yield '</a>'
            yield escape(environment.finalize((undefined(name='colon') if l_1_colon is missing else l_1_colon)))
            yield ' '
            yield escape(environment.finalize(environment.getattr(l_2_step, 'text')))
            yield '</span>\n'
        l_2_step = missing
        if environment.getattr(l_1_tp, 'drop_off'):
            pass
            yield '            <span class="drop-off tone-drop-off"><strong>⚠ '
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_0_t is missing else l_0_t), 'note.drop_off')))
            yield escape(environment.finalize((undefined(name='colon') if l_1_colon is missing else l_1_colon)))
            yield '</strong> '
            yield escape(environment.finalize(environment.getattr(l_1_tp, 'drop_off')))
            yield '</span>\n'
        yield '          </li>\n'
    l_1_tp = l_1_colon = missing
    yield '        </ul>\n      </td>\n'

blocks = {}
debug_info = '3=14&4=17&7=20&8=25&9=27&10=59&11=61&12=64&14=66&15=69&17=71&18=75&20=84&21=87'