# Flowdeck's Python worker for code nodes (engine/sandbox). It runs inside
# flowdeck-sandbox and serves one call at a time: a request is a 4-byte big-endian
# length and that many bytes of JSON {code, inputs, limits} on stdin; the answer is
# framed the same way on file descriptor 3:
#   {"ok": true, "outputs": {...}, "logs": "..."}
#   {"ok": false, "error": {"kind", "message", "line"}, "logs": "...", "limitHit": ...}
# Each call gets a fresh namespace and an emptied scratch folder; print() is captured
# up to limits.printBytes, and printing more is an error, never a cut.
import builtins
import inspect
import json
import os
import shutil
import struct
import sys
import traceback

REQUESTS = 0
ANSWERS = 3
CODE_FILE = "<code>"

# Modules people reach for, loaded once so that calls do not pay for them.
import collections, datetime, math, random, re, string, time  # noqa: E401,F401


class PrintLimit(BaseException):
    pass


class Capture:
    """sys.stdout and sys.stderr during a call: keeps what is printed, up to a limit."""

    def __init__(self, limit):
        self.parts = []
        self.size = 0
        self.limit = limit
        self.exceeded = False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        if self.exceeded:
            raise PrintLimit()
        size = len(text.encode("utf-8", "surrogatepass"))
        if self.size + size > self.limit:
            self.exceeded = True
            raise PrintLimit()
        self.parts.append(text)
        self.size += size
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    def text(self):
        return "".join(self.parts)


def read_exact(n):
    data = bytearray()
    while len(data) < n:
        chunk = os.read(REQUESTS, n - len(data))
        if not chunk:
            return None
        data += chunk
    return bytes(data)


def send(answer):
    body = json.dumps(answer, ensure_ascii=False).encode("utf-8", "surrogatepass")
    data = struct.pack(">I", len(body)) + body
    while data:
        written = os.write(ANSWERS, data)
        data = data[written:]


def code_line(tb):
    """The line of the user's code where an exception was raised (the deepest one)."""
    line = 0
    for frame in traceback.extract_tb(tb):
        if frame.filename == CODE_FILE:
            line = frame.lineno or line
    return line


def user_traceback(error):
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == CODE_FILE]
    lines = ["  line %d, in %s" % (f.lineno, f.name) for f in frames]
    return "\n".join(lines)


def empty_folder(folder):
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            try:
                os.unlink(path)
            except OSError:
                pass


def failure(kind, message, line=0, limit=None):
    answer = {"ok": False, "error": {"kind": kind, "message": message, "line": line}}
    if limit:
        answer["limitHit"] = limit
    return answer


def describe(error):
    text = str(error)
    return type(error).__name__ + (": " + text if text else "")


def unserializable_field(result):
    """The first top-level field that json cannot write, and why."""
    for key, value in result.items():
        try:
            json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError, RecursionError) as error:
            return str(key), describe(error)
    return None, None


def run(request, capture):
    code = request.get("code")
    inputs = request.get("inputs")
    if not isinstance(code, str) or not isinstance(inputs, dict):
        return failure("protocol", "The request has no code or no inputs.")
    try:
        compiled = compile(code, CODE_FILE, "exec")
    except SyntaxError as error:
        return failure("syntax", "%s: %s" % (type(error).__name__, error.msg), error.lineno or 0)
    except (ValueError, MemoryError) as error:
        return failure("syntax", describe(error))
    namespace = {"__name__": "__flowdeck_code__", "__builtins__": builtins}
    exec(compiled, namespace)
    main = namespace.get("main")
    if not callable(main):
        return failure("no_main", "The code defines no function main. Write def main(...) -> dict: and return a dict.")
    try:
        inspect.signature(main).bind(**inputs)
    except TypeError as error:
        return failure("arguments", "main() cannot take the inputs given (%s): %s" % (", ".join(inputs) or "none", error))
    except ValueError:
        pass  # a callable without a signature: let the call say what is wrong
    result = main(**inputs)
    if not isinstance(result, dict):
        return failure("not_object", "main must return a dict, but it returned %s." % type(result).__name__)
    try:
        text = json.dumps(result, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        field, why = unserializable_field(result)
        where = "the field '%s'" % field if field is not None else "a key"
        return failure("not_json", "The result cannot be turned into JSON: %s holds a value JSON cannot hold (%s)." % (where, why))
    limit = request.get("limits", {}).get("outputBytes", 1 << 20)
    if len(text.encode("utf-8", "surrogatepass")) > limit:
        return failure("limit", "output", 0, "output")
    return {"ok": True, "outputs": json.loads(text)}


def serve():
    # Answers have their own descriptor: whatever the code writes to the process's stdout
    # or stderr goes to the host's log pipe, never into an answer.
    folder = os.getcwd()
    send({"ready": True, "sandbox": os.environ.get("FLOWDECK_SANDBOX", ""), "language": "python3",
          "version": "%d.%d.%d" % sys.version_info[:3]})
    while True:
        header = read_exact(4)
        if header is None:
            return
        body = read_exact(struct.unpack(">I", header)[0])
        if body is None:
            return
        try:
            request = json.loads(body)
        except ValueError:
            send(failure("protocol", "The request is not JSON."))
            continue
        limits = request.get("limits", {}) if isinstance(request, dict) else {}
        capture = Capture(limits.get("printBytes", 256 * 1024))
        os.chdir(folder)
        empty_folder(folder)
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = capture
        try:
            answer = run(request, capture) if isinstance(request, dict) else failure("protocol", "The request is not an object.")
        except PrintLimit:
            answer = failure("limit", "print", 0, "print")
        except MemoryError:
            answer = failure("limit", "memory", 0, "memory")
        except RecursionError as error:
            answer = failure("exception", describe(error), code_line(error.__traceback__))
        except BaseException as error:  # the user's code raised (SystemExit and KeyboardInterrupt too)
            answer = failure("exception", describe(error), code_line(error.__traceback__))
            answer["trace"] = user_traceback(error)
        finally:
            sys.stdout, sys.stderr = saved
        if capture.exceeded:
            answer = failure("limit", "print", 0, "print")
        answer["logs"] = capture.text()
        try:
            send(answer)
        except MemoryError:
            send(failure("limit", "memory", 0, "memory"))


serve()
