package dev.apigw.importer;

/** How bad an import problem is: an ERROR means no API is produced. */
public enum Severity {
    ERROR,
    WARNING
}
