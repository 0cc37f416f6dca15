from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'lanes/opportunities.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cell = resolve('cell')
    l_0_dots = missing
    pass
    included_template = environment.get_template('lanes/macros.html.j2', 'lanes/opportunities.html.j2')._get_default_module(context)
    l_0_dots = getattr(included_template, 'dots', missing)
    if l_0_dots is missing:
        l_0_dots = undefined(f"the template {included_template.__name__!r} (imported on line 2 in 'lanes/opportunities.html.j2') does not export the requested name 'dots'", name='dots')
    context.vars['dots'] = l_0_dots
    context.exported_vars.discard('dots')
    yield '      <td>\n        <ul class="cards">\n'
    for l_1_item in (undefined(name='cell') if l_0_cell is missing else l_0_cell):
        l_1_t = resolve('t')
        l_1_colon = resolve('colon')
        _loop_vars = {}
        pass
        yield '          <li class="opportunity" id="'
        yield escape(environment.finalize(environment.getattr(l_1_item, 'anchor')))
        yield '">\n            <div class="card-top"><span class="ref">'
        yield escape(environment.finalize(environment.getattr(l_1_item, 'ref')))
        yield '</span>'
        if environment.getattr(l_1_item, 'status'):
            pass
            yield '<span class="badge tone-'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_item, 'status'), 'tone')))
            yield '"><span class="sr-only">'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_1_t is missing else l_1_t), 'field.status')))
            yield escape(environment.finalize((undefined(name='colon') if l_1_colon is missing else l_1_colon)))
            yield ' </span>'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_item, 'status'), 'text')))
            yield '</span>'
        yield '</div>\n            <p>'
        yield escape(environment.finalize(environment.getattr(l_1_item, 'text')))
        yield '</p>\n'
        if environment.getattr(l_1_item, 'levels'):
            pass
            yield '            <div class="levels">\n'
            for (l_2_label, l_2_value, l_2_filled) in environment.getattr(l_1_item, 'levels'):
                _loop_vars = {}
                pass
                yield '              <span>'
                yield escape(environment.finalize(l_2_label))
                yield escape(environment.finalize((undefined(name='colon') if l_1_colon is missing else l_1_colon)))
                yield ' '
                yield escape(environment.finalize(context.call((undefined(name='dots') if l_0_dots is missing else l_0_dots), l_2_filled, _loop_vars=_loop_vars)))
                yield escape(environment.finalize(l_2_value))
                yield '</span>\n'
            l_2_label = l_2_value = l_2_filled = missing
            yield '            </div>\n'
        if environment.getattr(l_1_item, 'owner'):
            pass
            yield '            <span class="small">'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_1_t is missing else l_1_t), 'field.owner')))
            yield escape(environment.finalize((undefined(name='colon') if l_1_colon is missing else l_1_colon)))
            yield ' '
            yield escape(environment.finalize(environment.getattr(l_1_item, 'owner')))
            yield '</span>\n'
        if environment.getattr(l_1_item, 'addresses'):
            pass
            yield '            <div class="refs"><span class="label">'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_1_t is missing else l_1_t), 'field.addresses')))
            yield '</span>\n              <ul>\n'
            for l_2_link in environment.getattr(l_1_item, 'addresses'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_link, 'href'):
                    pass
                    yield '                <li><a href="'
                    yield escape(environment.finalize(environment.getattr(l_2_link, 'href')))
                    yield '" title="'
                    yield escape(environment.finalize(environment.getattr(l_2_link, 'title')))
                    yield '"><span class="ref">'
                    yield escape(environment.finalize(environment.getattr(l_2_link, 'ref')))
                    yield '</span> '
                    yield escape(environment.finalize(environment.getattr(l_2_link, 'text')))
                    yield '</a></li>\n'
                else:
                    pass
                    yield '                <li><span class="ref">'
                    yield escape(environment.finalize(environment.getattr(l_2_link, 'ref')))
                    yield '</span>'
                    if environment.getattr(l_2_link, 'text'):
                        pass
                        yield ' '
                        yield escape(environment.finalize(environment.getattr(l_2_link, 'text')))
                    yield '</li>\n'
            l_2_link = missing
            yield '              </ul>\n            </div>\n'
        yield '          </li>\n'
    l_1_item = l_1_t = l_1_colon = missing
    yield '        </ul>\n      </td>\n'

blocks = {}
debug_info = '2=13&5=20&6=26&7=28&8=41&9=43&11=46&12=50&16=58&17=61&19=66&20=69&22=71&23=74&24=77&26=88'