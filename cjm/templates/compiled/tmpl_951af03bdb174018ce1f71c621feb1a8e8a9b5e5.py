from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'lanes/pains.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cell = resolve('cell')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '      <td>\n        <ul class="cards">\n'
    for l_1_pain in (undefined(name='cell') if l_0_cell is missing else l_0_cell):
        l_1_t = resolve('t')
        l_1_colon = resolve('colon')
        _loop_vars = {}
        pass
        yield '          <li class="pain accent-'
        yield escape(environment.finalize(environment.getattr(l_1_pain, 'accent')))
        yield '" id="'
        yield escape(environment.finalize(environment.getattr(l_1_pain, 'anchor')))
        yield '">\n            <div class="card-top"><span class="ref">'
        yield escape(environment.finalize(environment.getattr(l_1_pain, 'ref')))
        yield '</span>'
        if environment.getattr(l_1_pain, 'severity'):
            pass
            yield '<span class="badge tone-'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_pain, 'severity'), 'tone')))
            yield '"><span class="sr-only">'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_1_t is missing else l_1_t), 'field.severity')))
            yield escape(environment.finalize((undefined(name='colon') if l_1_colon is missing else l_1_colon)))
            yield ' </span>'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_pain, 'severity'), 'text')))
            yield '</span>'
        yield '</div>\n            <p>'
        yield escape(environment.finalize(environment.getattr(l_1_pain, 'text')))
        yield '</p>\n'
        if environment.getattr(l_1_pain, 'touchpoint'):
            pass
            yield '            <span class="small">'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_1_t is missing else l_1_t), 'field.touchpoint')))
            yield escape(environment.finalize((undefined(name='colon') if l_1_colon is missing else l_1_colon)))
            yield ' '
            yield escape(environment.finalize(environment.getattr(l_1_pain, 'touchpoint')))
            yield '</span>\n'
        if environment.getattr(l_1_pain, 'evidence'):
            pass
            yield '            <details class="evidence">\n              <summary>'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_1_t is missing else l_1_t), 'field.evidence')))
            yield ' ('
            yield escape(environment.finalize(t_1(environment.getattr(l_1_pain, 'evidence'))))
            yield ')</summary>\n              <ul>\n'
            for l_2_item in environment.getattr(l_1_pain, 'evidence'):
                _loop_vars = {}
                pass
                yield '                <li>'
                yield escape(environment.finalize(l_2_item))
                yield '</li>\n'
            l_2_item = missing
            yield '              </ul>\n            </details>\n            <div class="evidence-print"><span class="label">'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_1_t is missing else l_1_t), 'field.evidence')))
            yield '</span>\n              <ul>\n'
            for l_2_item in environment.getattr(l_1_pain, 'evidence'):
                _loop_vars = {}
                pass
                yield '                <li>'
                yield escape(environment.finalize(l_2_item))
                yield '</li>\n'
            l_2_item = missing
            yield '              </ul>\n            </div>\n'
        if environment.getattr(l_1_pain, 'addressed_by'):
            pass
            yield '            <div class="refs"><span class="label">'
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_1_t is missing else l_1_t), 'field.addressed_by')))
            yield '</span>\n              <ul>\n'
            for l_2_link in environment.getattr(l_1_pain, 'addressed_by'):
                _loop_vars = {}
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
            l_2_link = missing
            yield '              </ul>\n            </div>\n'
        else:
            pass
            yield '            <span class="unaddressed">⚠ '
            yield escape(environment.finalize(environment.getitem((undefined(name='t') if l_1_t is missing else l_1_t), 'note.unaddressed')))
            yield '</span>\n'
        yield '          </li>\n'
    l_1_pain = l_1_t = l_1_colon = missing
    yield '        </ul>\n      </td>\n'

blocks = {}
debug_info = '4=19&5=25&6=29&7=42&8=44&9=47&11=52&13=55&15=59&16=63&20=67&22=69&23=73&28=77&29=80&31=82&32=86&37=99'