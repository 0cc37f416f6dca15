from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'lanes/list.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cell = resolve('cell')
    pass
    yield '      <td>\n        <ul class="bullets">\n'
    for l_1_item in (undefined(name='cell') if l_0_cell is missing else l_0_cell):
        _loop_vars = {}
        pass
        yield '          <li>'
        yield escape(environment.finalize(l_1_item))
        yield '</li>\n'
    l_1_item = missing
    yield '        </ul>\n      </td>\n'

blocks = {}
debug_info = '4=13&5=17'