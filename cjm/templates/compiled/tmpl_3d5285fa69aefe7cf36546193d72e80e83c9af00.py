from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'lanes/text.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cell = resolve('cell')
    pass
    yield '      <td><p>'
    yield escape(environment.finalize((undefined(name='cell') if l_0_cell is missing else l_0_cell)))
    yield '</p></td>\n'

blocks = {}
debug_info = '2=13'