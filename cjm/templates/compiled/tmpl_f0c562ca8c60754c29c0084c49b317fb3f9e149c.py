from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'lanes/quotes.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cell = resolve('cell')
    pass
    yield '      <td class="quotes">\n'
    for l_1_quote in (undefined(name='cell') if l_0_cell is missing else l_0_cell):
        l_1_quoted = resolve('quoted')
        _loop_vars = {}
        pass
        yield '        <figure>\n          <blockquote>'
        yield escape(environment.finalize(context.call((undefined(name='quoted') if l_1_quoted is missing else l_1_quoted), environment.getattr(l_1_quote, 'text'), _loop_vars=_loop_vars)))
        yield '</blockquote>\n'
        if environment.getattr(l_1_quote, 'source'):
            pass
            yield '          <figcaption>'
            yield escape(environment.finalize(environment.getattr(l_1_quote, 'source')))
            yield '</figcaption>\n'
        yield '        </figure>\n'
    l_1_quote = l_1_quoted = missing
    yield '      </td>\n'

blocks = {}
debug_info = '3=13&5=18&6=20&7=23'