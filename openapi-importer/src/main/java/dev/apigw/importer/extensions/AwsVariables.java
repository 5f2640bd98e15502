package dev.apigw.importer.extensions;

import java.util.Map;

/**
 * The AWS variables that API Gateway substitutes when it imports a document ({@code ${AWS::AccountId}},
 * {@code ${AWS::Region}}, {@code ${AWS::Partition}}), with the values of the local emulator.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/import-api-aws-variables.html">AWS
 *     variables for OpenAPI import</a>
 */
public final class AwsVariables {
    public static final String ACCOUNT_ID = "000000000000";
    public static final String REGION = "us-east-1";
    public static final String PARTITION = "aws";

    private static final Map<String, String> VALUES = Map.of(
            "${AWS::AccountId}", ACCOUNT_ID,
            "${AWS::Region}", REGION,
            "${AWS::Partition}", PARTITION);

    private AwsVariables() {}

    /** The text with every AWS variable replaced; stage variables and other placeholders are left alone. */
    public static String resolve(String text) {
        if (!text.contains("${AWS::")) {
            return text;
        }
        String resolved = text;
        for (Map.Entry<String, String> variable : VALUES.entrySet()) {
            resolved = resolved.replace(variable.getKey(), variable.getValue());
        }
        return resolved;
    }
}
