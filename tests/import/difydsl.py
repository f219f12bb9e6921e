"""Builds Dify DSL documents the way Dify's exporter writes them (PyYAML, keys sorted,
unicode kept), for make-large-dify.py and for writing corpus files by hand.

node() gives the canvas wrapper Dify puts around every node's `data`; edge() the
wrapper of an edge. Both take the Dify field values as they are: nothing is checked.
"""
import yaml


def features(version):
    f = {
        'opening_statement': '',
        'retriever_resource': {'enabled': True},
        'sensitive_word_avoidance': {'enabled': False},
        'speech_to_text': {'enabled': False},
        'suggested_questions': [],
        'suggested_questions_after_answer': {'enabled': False},
        'text_to_speech': {'enabled': False, 'language': '', 'voice': ''},
    }
    if version < (0, 1, 5):
        f['file_upload'] = {'image': {'enabled': False, 'number_limits': 3,
                                      'transfer_methods': ['local_file', 'remote_url']}}
    else:
        f['file_upload'] = {'allowed_file_extensions': ['.JPG', '.PNG'], 'allowed_file_types': ['image'],
                            'allowed_file_upload_methods': ['local_file', 'remote_url'], 'enabled': False,
                            'number_limits': 3}
    return f


def node(node_id, data, x, y, parent=None, absolute=True, width=244, height=90, z=None):
    data.setdefault('desc', '')
    data.setdefault('selected', False)
    n = {'data': data, 'height': height, 'id': node_id, 'position': {'x': x, 'y': y}, 'selected': False,
         'sourcePosition': 'right', 'targetPosition': 'left', 'type': 'custom', 'width': width}
    if absolute:
        n['positionAbsolute'] = {'x': x, 'y': y}
    if parent:
        n['parentId'] = parent
        n['extent'] = 'parent'
        n['zIndex'] = z if z is not None else 1002
    return n


def edge(source, target, source_type, target_type, handle='source', in_iteration=None, in_loop=None):
    data = {'isInIteration': bool(in_iteration), 'sourceType': source_type, 'targetType': target_type}
    if in_iteration:
        data['iteration_id'] = in_iteration
    if in_loop is not None:
        data['isInLoop'] = bool(in_loop)
        if in_loop:
            data['loop_id'] = in_loop
    return {'data': data, 'id': f'{source}-{handle}-{target}-target', 'source': source, 'sourceHandle': handle,
            'target': target, 'targetHandle': 'target', 'type': 'custom',
            'zIndex': 1002 if (in_iteration or in_loop) else 0}


def app(name, mode, version, nodes, edges, description='', icon='🤖', env=None, conversation=None,
        dependencies=None, feature_overrides=None):
    v = tuple(int(p) for p in version.split('.'))
    doc = {'app': {'description': description, 'icon': icon, 'icon_background': '#FFEAD5', 'mode': mode,
                   'name': name, 'use_icon_as_answer_icon': False},
           'kind': 'app', 'version': version}
    if v >= (0, 2, 0):
        doc['app']['icon_type'] = 'emoji'
        doc['dependencies'] = dependencies or []
    wf = {'features': features(v), 'graph': {'edges': edges, 'nodes': nodes,
                                             'viewport': {'x': 0, 'y': 0, 'zoom': 0.7}}}
    if feature_overrides:
        wf['features'].update(feature_overrides)
    if v >= (0, 1, 2):
        wf['environment_variables'] = env or []
    if v >= (0, 1, 3):
        wf['conversation_variables'] = conversation or []
    doc['workflow'] = wf
    return doc


def dump(doc, path):
    with open(path, 'w', encoding='utf-8') as out:
        yaml.dump(doc, out, allow_unicode=True)


def ref(node_id, var):
    return '{{#' + node_id + '.' + var + '#}}'


def model(name='gpt-4o-mini', provider='openai', temperature=0.7):
    return {'completion_params': {'temperature': temperature}, 'mode': 'chat', 'name': name, 'provider': provider}


def text_input(variable, label, kind='text-input', required=True, options=None, max_length=256):
    return {'label': label, 'max_length': max_length, 'options': options or [], 'required': required,
            'type': kind, 'variable': variable}
