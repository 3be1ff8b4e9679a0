// A plan whose every piece of text tries to break out of where the catalog puts it: HTML
// (element content, attributes, the inline script, comments), markdown (links, emphasis,
// tables, code fences, headings) and the lines of a file (U+2028, CR).
export const HOSTILE = `</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`;

export const HOSTILE_PLAN_YAML = `name: "Evil </title><script>window.__pwned=3</script>"
description: "A plan <b>bold</b> & \\"quoted\\" 'single' \\u2028 line \`code\` [link](javascript:alert(1)) <!-- comment"
events:
  "${HOSTILE.replace(/"/g, '\\"')}":
    description: "Ends a script </script><script>window.__pwned=4</script> and a table | cell | and a \`\`\` fence"
    labels:
      "team\\"><script>window.__pwned=5</script>": "x'y"
    properties:
      "</td><script>window.__pwned=6</script>":
        type: string
        description: "*not emphasis* _nor this_ # not a heading\\r\\n- not a list"
        enum: ["</script>", "\\u2028", "\`"]
        required: true
      "__proto__":
        type: string
        pattern: "^<a href=\\"x\\">$"
  "# Heading? | pipe":
    description: "1. not a list"
    properties: {}
  "order completed":
    properties: {}
  "Order Completed":
    properties: {}
  "ORDER_COMPLETED!":
    properties: {}
  "CON":
    properties: {}
  "🙂":
    properties: {}
  "Line\u2028Separator\u2029\`\${x}\`":
    description: "Ends a line\u2028in JavaScript before ES2019"
    properties:
      "a\u2028b": { type: string, description: "\u2029" }
`;
