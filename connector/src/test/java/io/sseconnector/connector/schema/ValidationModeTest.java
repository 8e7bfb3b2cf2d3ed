package io.sseconnector.connector.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidationModeTest {
    @Test
    void parsesTheConfigSpellings() {
        assertThat(ValidationMode.parse("off")).isEqualTo(ValidationMode.OFF);
        assertThat(ValidationMode.parse("Warn")).isEqualTo(ValidationMode.WARN);
        assertThat(ValidationMode.parse(" ENFORCE ")).isEqualTo(ValidationMode.ENFORCE);
    }

    @Test
    void rejectsAnythingElseSayingWhatIsAllowed() {
        assertThatThrownBy(() -> ValidationMode.parse("strict"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validation must be off, warn or enforce, was 'strict'");
    }

    @Test
    void aVerdictIsValidExactlyWhenItHasNoViolations() {
        assertThat(Verdict.VALID.reason()).isEmpty();
        assertThatThrownBy(() -> new Verdict(true, java.util.List.of(new Verdict.Violation("", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verdict.invalid(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
