from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'lanes/kpis.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cell = resolve('cell')
    pass
    yield '      <td>\n        <ul class="kpis">\n'
    for l_1_kpi in (undefined(name='cell') if l_0_cell is missing else l_0_cell):
        _loop_vars = {}
        pass
        yield '          <li>\n            <span class="kpi-name">'
        yield escape(environment.finalize(environment.getattr(l_1_kpi, 'name')))
        yield '</span>\n            <span class="kpi-figures"><span class="kpi-value">'
        yield escape(environment.finalize(environment.getattr(l_1_kpi, 'value')))
        yield '</span>'
        if environment.getattr(l_1_kpi, 'target'):
            pass
            yield '<span class="kpi-target" title="'
            yield escape(environment.finalize(environment.getattr(l_1_kpi, 'better')))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_kpi, 'target')))
            yield '</span>'
        yield '</span>\n'
        if environment.getattr(l_1_kpi, 'status'):
            pass
            yield '            <span class="badge tone-'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_kpi, 'status'), 'tone')))
            yield '">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_kpi, 'status'), 'text')))
            yield '</span>\n'
        yield '          </li>\n'
    l_1_kpi = missing
    yield '        </ul>\n      </td>\n'

blocks = {}
debug_info = '4=13&6=17&7=19&8=29&9=32'