package dev.scimlambda.templatecheck;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML: the short-form intrinsic tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, {@code !If}, ...) become their long form ({@code {Ref: x}}, {@code {Fn::Sub: x}}),
 * as CloudFormation itself reads them. {@code !GetAtt A.B} becomes {@code {Fn::GetAtt: [A, B]}}.
 */
final class CloudFormationYaml {

  private static final List<String> FUNCTIONS =
      List.of(
          "Base64", "Cidr", "Equals", "FindInMap", "GetAZs", "GetAtt", "If", "ImportValue", "Join",
          "Length", "Not", "And", "Or", "Select", "Split", "Sub", "ToJsonString", "Transform");

  private CloudFormationYaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return (Map<String, Object>) new Yaml(new IntrinsicConstructor()).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static final class IntrinsicConstructor extends SafeConstructor {

    IntrinsicConstructor() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
      for (String function : FUNCTIONS) {
        yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
      }
    }

    private final class Intrinsic extends AbstractConstruct {
      private final String key;

      Intrinsic(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          String text = constructScalar(scalar);
          value = key.equals("Fn::GetAtt") ? List.of(text.split("\\.", 2)) : text;
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        return Map.of(key, value);
      }
    }
  }
}
