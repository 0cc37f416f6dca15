from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'lanes/macros.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_dots = missing
    pass
    def macro(l_1_filled):
        t_1 = []
        l_1_range = resolve('range')
        if l_1_filled is missing:
            l_1_filled = undefined("parameter 'filled' was not provided", name='filled')
        pass
        t_1.append(
            '<span class="dots" aria-hidden="true">',
        )
        for l_2_index in context.call((undefined(name='range') if l_1_range is missing else l_1_range), 3):
            _loop_vars = {}
            pass
            t_1.extend((
                '<span class="dot',
                escape(environment.finalize((' on' if (l_2_index < l_1_filled) else ''))),
                '"></span>',
            ))
        l_2_index = missing
        t_1.append(
            '</span>',
        )
        return concat(t_1)
    context.exported_vars.add('dots')
    context.vars['dots'] = l_0_dots = Macro(environment, macro, 'dots', ('filled',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=12'