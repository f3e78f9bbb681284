package dev.scimlambda.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Redaction runs on error details, which echo what a client sent: its cost must stay linear in the
 * detail's length (issue 15: a 60,000-character bulkId took 26.8 s through the email pattern).
 */
class RedactionTimingTest {

  /** The pattern the scan replaces; the scan must find exactly what it found. */
  private static final Pattern EMAIL = Pattern.compile("([^\\s@\"'<>()\\[\\],;:]+)@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

  @Test
  void aSixtyThousandCharacterDetailIsRedactedInMilliseconds() {
    String local = "a".repeat(60_000);
    String atsAndDots = "@.".repeat(30_000);
    String dotsThenAt = "a.".repeat(30_000) + "@x";
    for (String detail : new String[] {"bulkId " + local + " is used twice", "Path '" + local + "@' names no attribute",
        atsAndDots, dotsThenAt, "x@" + "a.".repeat(30_000) + "1"}) {
      long started = System.nanoTime();
      String redacted = Redaction.detail(detail);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(millis).as("milliseconds for %d characters", detail.length()).isLessThan(100);
      assertThat(redacted.length()).isLessThanOrEqualTo(501);
    }
  }

  @Test
  void addressesInADetailKeepTheirFirstCharacterAndDomain() {
    assertThat(Redaction.detail("No user has ada.lovelace@example.com or bob@corp.example.org"))
        .isEqualTo("No user has a***@example.com or b***@corp.example.org");
  }

  @Property(tries = 300)
  void theScanMasksWhatTheEmailPatternFinds(@ForAll("emailish") String text) {
    Matcher matcher = EMAIL.matcher(text);
    StringBuilder expected = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(expected, Matcher.quoteReplacement(Redaction.email(matcher.group())));
    }
    matcher.appendTail(expected);
    assertThat(EmailScan.maskAddresses(text, Redaction::email)).isEqualTo(expected.toString());
    assertThat(EmailScan.isAddress(text)).isEqualTo(EMAIL.matcher(text).matches());
  }

  @Provide
  Arbitrary<String> emailish() {
    return Arbitraries.strings().withChars("ab1@.-\" ,:Z_\t").ofMaxLength(40);
  }
}
