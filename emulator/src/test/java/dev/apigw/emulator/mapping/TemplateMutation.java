package dev.apigw.emulator.mapping;

import java.util.List;
import java.util.Random;

/**
 * One change to a template's text: {@code position} and {@code length} are taken modulo the text's length, so every
 * value lands somewhere; {@code text} is what an insertion adds.
 */
record TemplateMutation(Kind kind, int position, int length, String text) {

    enum Kind { INSERT, DELETE, DUPLICATE, TRUNCATE }

    /**
     * Pieces of VTL to insert: directives opened and closed out of place, AWS's variables and methods, and the things
     * a template must not get away with (loops, recursion, doubling, huge ranges and strings, class access).
     */
    static final List<String> FRAGMENTS = List.of("#foreach($x in $input.path('$'))", "#foreach($i in [1..1000])",
            "#end", "#if(", "#if($x == \"\")", "#else", "#elseif($input.body)", ")", "(", "\"", "'", "$", "#", "##",
            "#*", "*#", "#[[", "]]#", "{", "}", "[", "]", "$input.json('$')", "$input.path('$.a')", "$input.body",
            "$input.params()", "$input.params('x')", "$util.parseJson($input.body)", "$util.escapeJavaScript($x)",
            "$util.base64Decode($input.body)", "$util.urlEncode($input.body)", "$context.requestId",
            "$context.requestOverride.header.X", "#set($context.responseOverride.status = 400)", "$stageVariables.s",
            "#set($x = $input.path('$'))", "#set($a = \"$a$a\")", "#set($a = $a.concat($a))", "#set($a = 'x')",
            "#set($l = [1, 2])", "#set($ok = $l.addAll($l))", "$x.size()", "$x.length()", "$x[0]", "$x.get('a')",
            "#break", "#stop", "#evaluate($t)", "#set($t = '#evaluate($t)')", "#define($d)$d$d#end$d",
            "#macro(m)#m()#end", "#m()", "#macro(f $n)$n#end#f(1)", "[1..99999999]", "[2147483647..-2147483648]",
            ".repeat(999999999)", "$x.replaceAll('', $x)", "$x.split('')", "#parse('/etc/passwd')",
            "#include('pom.xml')", "$input.getClass()", "$x.class.forName('java.lang.Runtime')",
            "$util.getClass().getClassLoader()", "$foreach.count", "$velocityCount", "$foreach.hasNext", "\u0000",
            "\ud800", "é😀\u202e", "\n", "\t", "1e999", "-0", "null", "$null", "$!x", "${x}", "$x.y.z");

    static TemplateMutation random(Random random) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        String text = random.nextInt(5) == 0 ? randomChars(random) : FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
        return new TemplateMutation(kind, random.nextInt(Integer.MAX_VALUE), random.nextInt(200), text);
    }

    String applyTo(String template) {
        if (template.isEmpty()) {
            return text;
        }
        int at = position % template.length();
        int end = Math.min(template.length(), at + length);
        return switch (kind) {
            case INSERT -> template.substring(0, at) + text + template.substring(at);
            case DELETE -> template.substring(0, at) + template.substring(end);
            case DUPLICATE -> template.substring(0, end) + template.substring(at, end) + template.substring(end);
            case TRUNCATE -> template.substring(0, at);
        };
    }

    private static String randomChars(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
            text.append((char) (random.nextBoolean() ? ' ' + random.nextInt(95) : random.nextInt(Character.MAX_VALUE)));
        }
        return text.toString();
    }
}
