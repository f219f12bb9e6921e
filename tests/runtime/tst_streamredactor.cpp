// Secret values in a streamed answer are replaced even when a value arrives split across
// pieces (runtime/serve/streamredactor.h), and nothing else is held back for long.
#include "runtime/serve/streamredactor.h"

#include <QtTest>

using namespace flowdeck::runtime;

namespace {

// Streams `text` in pieces of `size` bytes and returns what was sent.
std::string streamed(const std::string &text, std::size_t size, const std::vector<std::string> &secrets,
                     std::size_t *mostHeld = nullptr)
{
    StreamRedactor redactor(&secrets);
    std::string sent;
    std::size_t pushed = 0;
    for (std::size_t at = 0; at < text.size(); at += size) {
        const std::string piece = text.substr(at, size);
        sent += redactor.push(piece);
        pushed += piece.size();
        if (mostHeld)
            *mostHeld = std::max(*mostHeld, pushed - std::min(pushed, sent.size()));
    }
    return sent + redactor.finish();
}

} // namespace

class TestStreamRedactor : public QObject {
    Q_OBJECT

private slots:
    void splitSecretsAreCaughtAtEveryCut()
    {
        const std::vector<std::string> secrets = {"sk-live-0123456789abcdef", "token-XYZ"};
        const std::string text = "key sk-live-0123456789abcdef and token-XYZ, then sk-live-0123 (not a secret) and token-XY.";
        const std::string expected = "key [secret] and [secret], then sk-live-0123 (not a secret) and token-XY.";
        for (std::size_t size = 1; size <= text.size(); ++size)
            QCOMPARE(QString::fromStdString(streamed(text, size, secrets)), QString::fromStdString(expected));
    }

    void overlappingAndRepeatedSecrets()
    {
        const std::vector<std::string> secrets = {"aaab"};
        QCOMPARE(streamed("aaaaab aaab", 1, secrets), std::string("aa[secret] [secret]"));
        QCOMPARE(streamed("aaab", 2, secrets), std::string("[secret]"));
        QCOMPARE(streamed("plain text", 3, {}), std::string("plain text"));
    }

    void holdsBackNoMoreThanASecretLessOne()
    {
        const std::vector<std::string> secrets = {"0123456789"};
        std::size_t mostHeld = 0;
        const std::string text = "012345678 x 01234 y 0123456789 z";
        QCOMPARE(streamed(text, 1, secrets, &mostHeld), std::string("012345678 x 01234 y [secret] z"));
        QVERIFY(mostHeld <= 9);
        // Text that cannot start a secret is sent at once.
        StreamRedactor redactor(&secrets);
        QCOMPARE(redactor.push("hello "), std::string("hello "));
        QCOMPARE(redactor.push("world 01"), std::string("world "));
        QVERIFY(redactor.holding());
        QCOMPARE(redactor.finish(), std::string("01"));
    }
};

QTEST_MAIN(TestStreamRedactor)
#include "tst_streamredactor.moc"
