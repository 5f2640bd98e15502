package dev.apigw.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.importer.extensions.AwsVariables;
import dev.apigw.model.FunctionRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a Lambda function reference, as written in an integration {@code uri} or an {@code authorizerUri}, to
 * the function's name. Accepted forms:
 *
 * <ul>
 *   <li>{@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations}, where
 *       FUNCTION_ARN is {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}, optionally with an alias or version
 *       qualifier (dropped from the name);
 *   <li>a bare function ARN, or a bare function name;
 *   <li>CloudFormation / SAM forms: {@code Fn::Sub} as a string or as {@code [template, {variables}]},
 *       {@code Fn::Join}, {@code Fn::GetAtt} and {@code Ref}, where {@code ${ListPets.Arn}} or
 *       {@code Fn::GetAtt: [ListPets, Arn]} name the function by its logical id, {@code ListPets}.
 * </ul>
 *
 * <p>{@code ${AWS::Region}}, {@code ${AWS::AccountId}}, {@code ${AWS::Partition}} and {@code ${stageVariables.x}}
 * may appear anywhere. A function name that is a stage variable ({@code function:${stageVariables.fn}}) stays as
 * written; the emulator resolves it per stage.
 */
public final class FunctionRefs {

    /** The form AWS expects, quoted in problem messages. */
    public static final String EXPECTED_URI =
            "arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations";

    private static final Pattern INVOCATION_URI =
            Pattern.compile("arn:[^:]+:apigateway:[^:]+:lambda:path/[^/]+/functions/(.+)/invocations");
    private static final Pattern SERVICE_URI = Pattern.compile("arn:[^:]+:apigateway:[^:]*:([^:]+):(?:path|action)/.*");
    private static final Pattern FUNCTION_ARN = Pattern.compile("arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?");
    private static final Pattern LOGICAL_ID = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.Arn)?}(?::[^:]+)?");
    private static final Pattern STAGE_VARIABLE = Pattern.compile("(\\$\\{stageVariables\\.[A-Za-z0-9_]+})");
    private static final Pattern FUNCTION_NAME = Pattern.compile("([A-Za-z0-9_-]{1,64})(?::[A-Za-z0-9$_-]+)?");

    private FunctionRefs() {}

    /** The function a plain string refers to, if it has one of the accepted forms. */
    public static Optional<FunctionRef> parse(String written) {
        return Optional.ofNullable(functionName(AwsVariables.resolve(written)))
                .map(name -> new FunctionRef(written, name));
    }

    /**
     * The function {@code uri} refers to (a string or a CloudFormation intrinsic function object), or null after
     * reporting an ERROR at {@code location}.
     */
    public static @Nullable FunctionRef resolve(JsonNode uri, String location, Problems problems) {
        String written = uri.isTextual() ? uri.asText() : uri.toString();
        String template = template(uri);
        if (template == null) {
            problems.error(location, malformed(written));
            return null;
        }
        String resolved = AwsVariables.resolve(template);
        Matcher service = SERVICE_URI.matcher(resolved);
        if (service.matches() && !service.group(1).equals("lambda")) {
            problems.error(location, "`" + written + "` is an AWS service integration (" + service.group(1)
                    + "): only Lambda function integrations are supported for type aws/aws_proxy. Point it at a"
                    + " Lambda function (" + EXPECTED_URI + "), or use an http_proxy integration.");
            return null;
        }
        String name = functionName(resolved);
        if (name == null) {
            problems.error(location, malformed(written));
            return null;
        }
        return new FunctionRef(written, name);
    }

    private static String malformed(String written) {
        return "malformed Lambda integration uri `" + written + "`: expected " + EXPECTED_URI
                + ", where FUNCTION_ARN is arn:aws:lambda:REGION:ACCOUNT:function:NAME (in SAM templates:"
                + " {\"Fn::Sub\": \"arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                + "${MyFunction.Arn}/invocations\"}).";
    }

    private static @Nullable String functionName(String text) {
        Matcher invocation = INVOCATION_URI.matcher(text);
        String function = invocation.matches() ? invocation.group(1) : text;
        // Anything that starts like an ARN must be a whole function ARN, not a name with a qualifier.
        Pattern[] forms = function.startsWith("arn:")
                ? new Pattern[] {FUNCTION_ARN}
                : new Pattern[] {LOGICAL_ID, STAGE_VARIABLE, FUNCTION_NAME};
        for (Pattern form : forms) {
            Matcher matcher = form.matcher(function);
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    /** The uri as one string, with intrinsic functions written as {@code ${LogicalId.Arn}} / {@code ${Name}}. */
    private static @Nullable String template(JsonNode uri) {
        if (uri.isTextual()) {
            return uri.asText();
        }
        if (!uri.isObject() || uri.size() != 1) {
            return null;
        }
        Map.Entry<String, JsonNode> intrinsic = uri.fields().next();
        JsonNode argument = intrinsic.getValue();
        switch (intrinsic.getKey()) {
            case "Fn::Sub":
                return argument.isArray() ? substitute(argument) : argument.isTextual() ? argument.asText() : null;
            case "Fn::Join":
                return join(argument);
            case "Fn::GetAtt":
                return getAtt(argument);
            case "Ref":
                return argument.isTextual() ? "${" + argument.asText() + "}" : null;
            default:
                return null;
        }
    }

    /** {@code Fn::Sub: [template, {name: value}]}: replaces each {@code ${name}} by its value. */
    private static @Nullable String substitute(JsonNode argument) {
        if (argument.size() != 2 || !argument.get(0).isTextual() || !argument.get(1).isObject()) {
            return null;
        }
        String text = argument.get(0).asText();
        for (Iterator<Map.Entry<String, JsonNode>> it = argument.get(1).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            String value = template(variable.getValue());
            if (value != null) {
                text = text.replace("${" + variable.getKey() + "}", value);
            }
        }
        return text;
    }

    /** {@code Fn::Join: [delimiter, [parts]]}, the pre-{@code Fn::Sub} CloudFormation idiom. */
    private static @Nullable String join(JsonNode argument) {
        if (argument.size() != 2 || !argument.get(0).isTextual() || !argument.get(1).isArray()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : argument.get(1)) {
            String value = template(part);
            if (value == null) {
                return null;
            }
            parts.add(value);
        }
        return String.join(argument.get(0).asText(), parts);
    }

    /** {@code Fn::GetAtt: [Fn, Arn]} or {@code Fn::GetAtt: Fn.Arn}. */
    private static @Nullable String getAtt(JsonNode argument) {
        if (argument.isTextual()) {
            return "${" + argument.asText() + "}";
        }
        if (argument.isArray() && argument.size() == 2) {
            return "${" + argument.get(0).asText() + "." + argument.get(1).asText() + "}";
        }
        return null;
    }
}
