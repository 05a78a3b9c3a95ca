package com.activitytracker.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class EnvFileTest {

    private static String valueOf(String line) {
        return EnvFile.parse(List.of(line), ".env").get("KEY");
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "KEY=v                       | v",
                "KEY = v                     | v",
                "KEY=v # note                | v",
                "KEY=v\t# note               | v",
                "KEY=a#b                     | a#b",
                "KEY=#x                      | #x",
                "KEY=two words               | two words",
                "KEY=\"v\" # note            | v",
                "KEY=\"v # not a note\"      | v # not a note",
                "KEY=\"  padded  \"          | `  padded  `",
                "KEY=\"say \\\"hi\\\"\"      | say \"hi\"",
                "KEY=\"a\\nb\"               | `a\nb`",
                "KEY='v' # note              | v",
                "KEY='$literal \\n # kept'   | $literal \\n # kept",
                "export KEY=v                | v",
                "export KEY=\"v\"            | v",
                "KEY=                        | ``",
                "KEY=\"\"                    | ``",
                "KEY=''                      | ``",
                "KEY=a=b                     | a=b",
            })
    void valuesFollowTheUsualDotenvRules(String line, String expected) {
        assertThat(valueOf(line)).isEqualTo(expected);
    }

    @Test
    void blankLinesAndCommentLinesAreSkipped() {
        Map<String, String> values = EnvFile.parse(
                List.of("", "   ", "# a comment", "  # indented comment", "A=1", "", "B=2 # two"), ".env");
        assertThat(values).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
    }

    @Test
    void aLaterLineForTheSameKeyWins() {
        assertThat(EnvFile.parse(List.of("A=1", "A=2"), ".env")).containsEntry("A", "2");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "JUST_A_WORD                   | line 2: expected KEY=value",
                "=value                        | line 2: expected KEY=value",
                "TWO WORDS=x                   | line 2: expected KEY=value",
                "KEY=\"unterminated            | line 2 (KEY): no closing \" quote",
                "KEY='unterminated             | line 2 (KEY): no closing ' quote",
                "KEY=\"v\" trailing            | line 2 (KEY): unexpected text after the closing quote: trailing",
            })
    void aBrokenLineIsNamedInOneMessage(String line, String message) {
        assertThatThrownBy(() -> EnvFile.parse(List.of("OK=1", line), "demo.env"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("demo.env " + message);
    }

    @Test
    void readsAFileAsUtf8(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve(".env"), "export CITY=\"Zürich\" # the office\nRATE=20\n");
        assertThat(EnvFile.read(file)).containsExactly(Map.entry("CITY", "Zürich"), Map.entry("RATE", "20"));
    }
}
