#!/usr/bin/env python3
"""Writes tests/import/dify/large-pipeline-0.5.0.yml: a Dify workflow export of about 170
nodes, for the import test and bench (the largest file of the corpus).

The text input goes through 13 rounds of five stages: a model call, a Python code node,
an if/else whose two templates meet in a variable aggregator, a template, and an
iteration over the text's lines (iteration-start, a child template, a join). A sticky
note marks every fifth round. Deterministic: running it again gives the same file.

    python3 tests/import/make-large-dify.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from difydsl import app, dump, edge, model, node, ref, text_input  # noqa: E402

ROUNDS = 13
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'dify', 'large-pipeline-0.5.0.yml')


class Builder:
    def __init__(self):
        self.nodes, self.edges = [], []
        self.serial = 1770000000000
        self.column = 0

    def new_id(self):
        self.serial += 1
        return str(self.serial)

    def place(self, row_offset=0):
        x = 30 + (self.column % 12) * 300
        y = 200 + (self.column // 12) * 420 + row_offset
        return x, y

    def add(self, data, row_offset=0, **kw):
        nid = self.new_id()
        x, y = self.place(row_offset)
        self.nodes.append(node(nid, data, x, y, **kw))
        return nid

    def link(self, source, target, source_type, target_type, handle='source', **kw):
        self.edges.append(edge(source, target, source_type, target_type, handle, in_loop=False, **kw))


def build():
    b = Builder()
    start = b.add({'title': 'Start', 'type': 'start', 'variables': [text_input('text', 'Text', 'paragraph', max_length=20000)]})
    b.column += 1
    prev, prev_type = [start, 'text'], 'start'
    last = start
    for r in range(ROUNDS):
        # 1. model call
        n = b.add({'title': f'Rewrite {r + 1}', 'type': 'llm', 'context': {'enabled': False, 'variable_selector': []},
                   'model': model('gpt-4o-mini', 'langgenius/openai/openai' if r % 2 else 'openai', 0.3),
                   'prompt_template': [{'role': 'system', 'text': f'Round {r + 1}: keep the meaning, fix the wording.'},
                                       {'role': 'user', 'text': f'Step {r + 1}: ' + ref(*prev)}],
                   'variables': [], 'vision': {'enabled': False}}, height=98)
        b.link(last, n, prev_type, 'llm')
        last, prev_type, prev = n, 'llm', [n, 'text']
        b.column += 1
        # 2. code
        n = b.add({'title': f'Trim {r + 1}', 'type': 'code', 'code_language': 'python3',
                   'code': "def main(x: str) -> dict:\n    return {'out': x.strip()[:4000]}\n",
                   'outputs': {'out': {'children': None, 'type': 'string'}},
                   'variables': [{'value_selector': prev, 'variable': 'x'}]}, height=54)
        b.link(last, n, prev_type, 'code')
        last, prev_type, prev = n, 'code', [n, 'out']
        b.column += 1
        # 3. if/else, two templates, an aggregator
        cond = b.add({'title': f'Urgent {r + 1}?', 'type': 'if-else', 'cases': [
            {'case_id': 'true', 'id': 'true', 'logical_operator': 'and', 'conditions': [
                {'comparison_operator': 'contains', 'id': f'{r:08d}-0000-4000-8000-000000000001', 'value': 'urgent',
                 'varType': 'string', 'variable_selector': prev}]}]}, height=126)
        b.link(last, cond, prev_type, 'if-else')
        b.column += 1
        yes = b.add({'title': f'Flag {r + 1}', 'type': 'template-transform', 'template': 'URGENT {{ x }}',
                     'variables': [{'value_selector': prev, 'variable': 'x'}]}, row_offset=-100, height=54)
        no = b.add({'title': f'Keep {r + 1}', 'type': 'template-transform', 'template': '{{ x }}',
                    'variables': [{'value_selector': prev, 'variable': 'x'}]}, row_offset=100, height=54)
        b.link(cond, yes, 'if-else', 'template-transform', 'true')
        b.link(cond, no, 'if-else', 'template-transform', 'false')
        b.column += 1
        agg = b.add({'title': f'Join {r + 1}', 'type': 'variable-aggregator', 'output_type': 'string',
                     'variables': [[yes, 'output'], [no, 'output']]}, height=130)
        b.link(yes, agg, 'template-transform', 'variable-aggregator')
        b.link(no, agg, 'template-transform', 'variable-aggregator')
        last, prev_type, prev = agg, 'variable-aggregator', [agg, 'output']
        b.column += 1
        # 4. template
        n = b.add({'title': f'Tidy {r + 1}', 'type': 'template-transform', 'template': '{{ x | trim }}',
                   'variables': [{'value_selector': prev, 'variable': 'x'}]}, height=54)
        b.link(last, n, prev_type, 'template-transform')
        last, prev_type, prev = n, 'template-transform', [n, 'output']
        b.column += 1
        # 5. iteration over the lines
        split = b.add({'title': f'Lines {r + 1}', 'type': 'code', 'code_language': 'python3',
                       'code': "def main(x: str) -> dict:\n    return {'lines': [l for l in x.splitlines() if l.strip()][:20]}\n",
                       'outputs': {'lines': {'children': None, 'type': 'array[string]'}},
                       'variables': [{'value_selector': prev, 'variable': 'x'}]}, height=54)
        b.link(last, split, prev_type, 'code')
        b.column += 1
        it = b.new_id()
        start_id, child = it + 'start', b.new_id()
        x, y = b.place()
        it_node = node(it, {'title': f'Each line {r + 1}', 'type': 'iteration', 'error_handle_mode': 'terminated',
                            'is_parallel': False, 'parallel_nums': 10, 'iterator_selector': [split, 'lines'],
                            'output_selector': [child, 'output'], 'output_type': 'array[string]',
                            'start_node_id': start_id, 'height': 160, 'width': 280}, x, y, width=280, height=160)
        it_node['zIndex'] = 1
        b.nodes.append(it_node)
        b.nodes.append({'data': {'desc': '', 'isInIteration': True, 'selected': False, 'title': '', 'type': 'iteration-start'},
                        'draggable': False, 'height': 48, 'id': start_id, 'parentId': it, 'position': {'x': 24, 'y': 68},
                        'positionAbsolute': {'x': x + 24, 'y': y + 68}, 'selectable': False, 'sourcePosition': 'right',
                        'targetPosition': 'left', 'type': 'custom-iteration-start', 'width': 44, 'zIndex': 1002})
        b.nodes.append(node(child, {'title': f'Bullet {r + 1}', 'type': 'template-transform', 'template': '- {{ line }}',
                                    'isInIteration': True, 'iteration_id': it,
                                    'variables': [{'value_selector': [it, 'item'], 'variable': 'line'}]},
                            100, 68, parent=it, absolute=False, height=54))
        b.link(split, it, 'code', 'iteration')
        b.edges.append(edge(start_id, child, 'iteration-start', 'template-transform', in_iteration=it, in_loop=False))
        b.column += 1
        join = b.add({'title': f'Merge {r + 1}', 'type': 'template-transform', 'template': "{{ lines | join('\\n') }}",
                      'variables': [{'value_selector': [it, 'output'], 'variable': 'lines'}]}, height=54)
        b.link(it, join, 'iteration', 'template-transform')
        last, prev_type, prev = join, 'template-transform', [join, 'output']
        b.column += 1
        if r % 5 == 0:
            nid = b.new_id()
            nx, ny = b.place(-180)
            b.nodes.append({'data': {'author': 'ops', 'desc': '', 'height': 88, 'selected': False, 'showAuthor': True,
                                     'text': '{"root":{"children":[{"children":[{"detail":0,"format":0,"mode":"normal",'
                                             '"style":"","text":"Round ' + str(r + 1) + ' starts here","type":"text",'
                                             '"version":1}],"direction":"ltr","format":"","indent":0,"type":"paragraph",'
                                             '"version":1}],"direction":"ltr","format":"","indent":0,"type":"root","version":1}}',
                                     'theme': 'green', 'title': '', 'type': '', 'width': 240},
                            'height': 88, 'id': nid, 'position': {'x': nx, 'y': ny}, 'selected': False,
                            'sourcePosition': 'right', 'targetPosition': 'left', 'type': 'custom-note', 'width': 240})
    end = b.add({'title': 'End', 'type': 'end', 'outputs': [{'value_selector': prev, 'variable': 'result'}]})
    b.link(last, end, prev_type, 'end')
    return app('Editorial pipeline (large)', 'workflow', '0.5.0', b.nodes, b.edges,
               description=f'{ROUNDS} rounds of rewriting, checks and per-line passes: the largest app of the corpus.',
               icon='🏭')


if __name__ == '__main__':
    doc = build()
    dump(doc, OUT)
    print(f"{OUT}: {len(doc['workflow']['graph']['nodes'])} nodes, {len(doc['workflow']['graph']['edges'])} edges")
