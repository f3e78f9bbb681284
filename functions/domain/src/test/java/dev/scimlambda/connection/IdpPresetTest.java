package dev.scimlambda.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdpPresetTest {

  private static final String URL = "https://scim.example.com/scim/v2/c0nn3ct10n";

  @ParameterizedTest
  @EnumSource(value = IdpType.class, mode = EnumSource.Mode.EXCLUDE, names = {"MICROSOFT_GRAPH", "OKTA_API", "GOOGLE_WORKSPACE"})
  void everyTypeHasAPresetWithItsLoginEmailDeactivationDeletionAndMapping(IdpType type) {
    IdpPreset preset = IdpPreset.of(type);

    assertThat(preset.type()).isEqualTo(type);
    assertThat(preset.loginEmail()).isNotBlank();
    assertThat(preset.deactivation()).isNotBlank();
    assertThat(preset.deletion()).isNotBlank();
    assertThat(preset.mapping()).extracting(IdpPreset.Mapping::scimAttribute).contains("userName", "active");
  }

  @ParameterizedTest
  @EnumSource(value = IdpType.class, mode = EnumSource.Mode.EXCLUDE, names = {"MICROSOFT_GRAPH", "OKTA_API", "GOOGLE_WORKSPACE"})
  void theStepsOfAConnectionCarryItsUrlAndWhereToReadTheSecret(IdpType type) {
    List<String> steps = IdpPreset.of(type).stepsFor(URL, "read it with GET /admin/v1/…/secret");

    assertThat(steps).anyMatch(s -> s.contains(URL));
    assertThat(steps).anyMatch(s -> s.contains("GET /admin/v1/…/secret"));
    assertThat(steps).noneMatch(s -> s.contains(IdpPreset.BASE_URL) || s.contains(IdpPreset.SECRET));
  }

  @Test
  void entrasStepsOfferTheFlagModeUrl() {
    assertThat(IdpPreset.of(IdpType.AZURE).stepsFor(URL, "x")).anyMatch(s -> s.contains(URL + "?aadOptscim062020"));
  }
}
