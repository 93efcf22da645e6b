//! PowerShell's parse-error ids and message templates (ParserStrings.resx), word for word, and
//! the `Diag` record the lexer and parser produce. Owns the texts only; deciding where an error
//! is reported belongs to the lexer and parser.

use super::span::Span;

/// One error id with its message template; `{0}` and `{1}` are replaced by arguments.
pub(crate) type Template = (&'static str, &'static str);

pub(crate) const UNEXPECTED_TOKEN: Template = (
    "UnexpectedToken",
    "Unexpected token '{0}' in expression or statement.",
);
pub(crate) const TERMINATOR_EXPECTED: Template = (
    "TerminatorExpectedAtEndOfString",
    "The string is missing the terminator: {0}.",
);
pub(crate) const MISSING_END_CURLY: Template = (
    "MissingEndCurlyBrace",
    "Missing closing '}' in statement block or type definition.",
);
pub(crate) const MISSING_END_PAREN_IN_EXPRESSION: Template = (
    "MissingEndParenthesisInExpression",
    "Missing closing ')' in expression.",
);
pub(crate) const MISSING_END_PAREN_IN_SUBEXPRESSION: Template = (
    "MissingEndParenthesisInSubexpression",
    "Missing closing ')' in subexpression.",
);
pub(crate) const MISSING_END_PAREN_IN_METHOD_CALL: Template = (
    "MissingEndParenthesisInMethodCall",
    "Missing ')' in method call.",
);
pub(crate) const MISSING_END_SQUARE_BRACKET: Template = (
    "MissingEndSquareBracket",
    "Missing ']' after array index expression.",
);
pub(crate) const MISSING_ARRAY_INDEX: Template = (
    "MissingArrayIndexExpression",
    "Array index expression is missing or not valid.",
);
pub(crate) const MISSING_PROPERTY_NAME: Template = (
    "MissingPropertyName",
    "Missing property name after reference operator.",
);
pub(crate) const EXPECTED_EXPRESSION: Template = (
    "ExpectedExpression",
    "An expression was expected after '('.",
);
pub(crate) const MISSING_EXPRESSION_AFTER_OPERATOR: Template = (
    "MissingExpressionAfterOperator",
    "Missing expression after unary operator '{0}'.",
);
pub(crate) const EXPECTED_VALUE_EXPRESSION: Template = (
    "ExpectedValueExpression",
    "You must provide a value expression following the '{0}' operator.",
);
pub(crate) const MISSING_COLON_IN_TERNARY: Template = (
    "MissingColonInTernaryExpression",
    "Missing ':' in the ternary expression.",
);
pub(crate) const EMPTY_PIPELINE_CHAIN_ELEMENT: Template = (
    "EmptyPipelineChainElement",
    "A pipeline chain operator must be followed by a pipeline.",
);
pub(crate) const BACKGROUND_OPERATOR_IN_CHAIN: Template = (
    "BackgroundOperatorInPipelineChain",
    "Background operators can only be used at the end of a pipeline chain.",
);
pub(crate) const USING_MUST_BE_AT_START: Template = (
    "UsingMustBeAtStartOfScript",
    "A 'using' statement must appear before any other statements in a script.",
);
pub(crate) const MISSING_USING_DIRECTIVE: Template =
    ("MissingUsingStatementDirective", "Missing using directive");
pub(crate) const MISSING_USING_ITEM_NAME: Template = ("MissingUsingItemName", "Missing using name");
pub(crate) const MISSING_EXPRESSION_AFTER_TOKEN: Template = (
    "MissingExpressionAfterToken",
    "Missing expression after '{0}'.",
);
pub(crate) const MISSING_EXPRESSION_IN_PIPELINE: Template = (
    "MissingExpression",
    "Missing expression after '{0}' in pipeline element.",
);
pub(crate) const MISSING_ARGUMENT: Template =
    ("MissingArgument", "Missing argument in parameter list.");
pub(crate) const PARAMETER_REQUIRES_ARGUMENT: Template = (
    "ParameterRequiresArgument",
    "Parameter {0} requires an argument.",
);
pub(crate) const EMPTY_PIPE_ELEMENT: Template =
    ("EmptyPipeElement", "An empty pipe element is not allowed.");
pub(crate) const EXPRESSIONS_MUST_BE_FIRST: Template = (
    "ExpressionsMustBeFirstInPipeline",
    "Expressions are only allowed as the first element of a pipeline.",
);
pub(crate) const MISSING_FILE_SPECIFICATION: Template = (
    "MissingFileSpecification",
    "Missing file specification after redirection operator.",
);
pub(crate) const REDIRECTION_NOT_SUPPORTED: Template = (
    "RedirectionNotSupported",
    "The '{0}' operator is reserved for future use.",
);
pub(crate) const STREAM_ALREADY_REDIRECTED: Template = (
    "StreamAlreadyRedirected",
    "The {0} for this command is already redirected.",
);
pub(crate) const MISSING_EQUALS_IN_HASH: Template = (
    "MissingEqualsInHashLiteral",
    "Missing '=' operator after key in hash literal.",
);
pub(crate) const MISSING_STATEMENT_IN_HASH: Template = (
    "MissingStatementInHashLiteral",
    "Missing statement after '=' in hash literal.",
);
pub(crate) const DUPLICATE_KEY_IN_HASH: Template = (
    "DuplicateKeyInHashLiteral",
    "Duplicate keys '{0}' are not allowed in hash literals.",
);
pub(crate) const MISSING_TERMINATOR_MULTILINE_COMMENT: Template = (
    "MissingTerminatorMultiLineComment",
    "The terminator '#>' is missing from the multiline comment.",
);
pub(crate) const UNEXPECTED_CHARS_AFTER_HERE_HEADER: Template = (
    "UnexpectedCharactersAfterHereStringHeader",
    "No characters are allowed after a here-string header but before the end of the line.",
);
pub(crate) const WHITESPACE_BEFORE_HERE_FOOTER: Template = (
    "WhitespaceBeforeHereStringFooter",
    "White space is not allowed before the string terminator.",
);
pub(crate) const INCOMPLETE_STRING: Template = ("IncompleteString", "Incomplete string token.");
pub(crate) const INVALID_VARIABLE_REFERENCE: Template = (
    "InvalidVariableReference",
    "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
);
pub(crate) const INVALID_VARIABLE_REFERENCE_WITH_DRIVE: Template = (
    "InvalidVariableReferenceWithDrive",
    "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
);
pub(crate) const INVALID_BRACED_VARIABLE_REFERENCE: Template = (
    "InvalidBracedVariableReference",
    "Variable reference is not valid. The variable name is missing.",
);
pub(crate) const INCOMPLETE_DOLLAR_VARIABLE_REFERENCE: Template = (
    "IncompleteDollarVariableReference",
    "${{variable}} reference starting is missing the closing '}}'.",
);
pub(crate) const INCOMPLETE_DOLLAR_SUBEXPRESSION: Template = (
    "IncompleteDollarSubexpressionReference",
    "$(subexpression) is missing the closing ')'.",
);
pub(crate) const EMPTY_VARIABLE_REFERENCE: Template = (
    "EmptyVariableReference",
    "An empty ${} variable reference was found. A name is required inside the braces.",
);
pub(crate) const OPEN_BRACE_IN_VARIABLE_NAME: Template = (
    "OpenBraceNeedsToBeBackTickedInVariableName",
    "Use `{ instead of { in variable names.",
);
pub(crate) const UNRECOGNIZED_TOKEN: Template =
    ("UnrecognizedToken", "Unrecognized token in source text.");
pub(crate) const BAD_NUMERIC_CONSTANT: Template = (
    "BadNumericConstant",
    "The numeric constant {0} is not valid.",
);
pub(crate) const INVALID_UNICODE_ESCAPE: Template = (
    "InvalidUnicodeEscapeSequence",
    "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.",
);
pub(crate) const INVALID_UNICODE_ESCAPE_VALUE: Template = (
    "InvalidUnicodeEscapeSequenceValue",
    "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.",
);
pub(crate) const MISSING_UNICODE_ESCAPE_TERMINATOR: Template = (
    "MissingUnicodeEscapeSequenceTerminator",
    "The Unicode escape sequence is missing the closing '}'.",
);
pub(crate) const TOO_MANY_UNICODE_DIGITS: Template = (
    "TooManyDigitsInUnicodeEscapeSequence",
    "The Unicode escape sequence contains more than the maximum of six hex digits between braces.",
);
pub(crate) const IF_MISSING_CONDITION: Template = (
    "IfStatementMissingCondition",
    "Missing condition in if statement after '{0} ('.",
);
pub(crate) const MISSING_STATEMENT_BLOCK: Template = (
    "MissingStatementBlock",
    "Missing statement block after {0} ( condition ).",
);
pub(crate) const MISSING_STATEMENT_BLOCK_AFTER_ELSE: Template = (
    "MissingStatementBlockAfterElse",
    "Missing statement block after 'else' keyword.",
);
pub(crate) const MISSING_OPEN_PAREN_IN_IF: Template = (
    "MissingOpenParenthesisInIfStatement",
    "Missing '(' after '{0}' in if statement.",
);
pub(crate) const MISSING_END_PAREN_AFTER_STATEMENT: Template = (
    "MissingEndParenthesisAfterStatement",
    "Missing closing ')' after expression in '{0}' statement.",
);
pub(crate) const MISSING_OPEN_PAREN_AFTER_KEYWORD: Template = (
    "MissingOpenParenthesisAfterKeyword",
    "Missing opening '(' after keyword '{0}'.",
);
pub(crate) const MISSING_EXPRESSION_AFTER_KEYWORD: Template = (
    "MissingExpressionAfterKeyword",
    "Missing expression after '{0}' in loop.",
);
pub(crate) const MISSING_LOOP_STATEMENT: Template = (
    "MissingLoopStatement",
    "Missing statement body in {0} loop.",
);
pub(crate) const MISSING_WHILE_OR_UNTIL: Template = (
    "MissingWhileOrUntilInDoWhile",
    "Missing while or until keyword in do loop.",
);
pub(crate) const MISSING_VARIABLE_AFTER_FOREACH: Template = (
    "MissingVariableNameAfterForeach",
    "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}",
);
pub(crate) const MISSING_IN_IN_FOREACH: Template = (
    "MissingInInForeach",
    "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
);
pub(crate) const MISSING_FOREACH_EXPRESSION: Template = (
    "MissingForeachExpression",
    "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
);
pub(crate) const MISSING_END_PAREN_AFTER_FOREACH: Template = (
    "MissingEndParenthesisAfterForeach",
    "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
);
pub(crate) const MISSING_FOREACH_STATEMENT: Template = (
    "MissingForeachStatement",
    "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
);
pub(crate) const INVALID_FOREACH_FLAG: Template = (
    "InvalidForeachFlag",
    "The parameter {0} is not valid for the foreach statement.",
);
pub(crate) const INVALID_SWITCH_FLAG: Template = (
    "InvalidSwitchFlag",
    "The parameter {0} is not valid for the switch statement.",
);
pub(crate) const MISSING_FILENAME_OPTION: Template = (
    "MissingFilenameOption",
    "Cannot process the 'switch' statement because of a missing file name argument to the -file option.",
);
pub(crate) const PIPELINE_VALUE_REQUIRED: Template = (
    "PipelineValueRequired",
    "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
);
pub(crate) const MISSING_END_PAREN_IN_SWITCH: Template = (
    "MissingEndParenthesisInSwitchStatement",
    "Missing ')' after expression in switch statement.",
);
pub(crate) const MISSING_CURLY_IN_SWITCH: Template = (
    "MissingCurlyBraceInSwitchStatement",
    "Missing '{' in switch statement.",
);
pub(crate) const MISSING_SWITCH_CONDITION: Template = (
    "MissingSwitchConditionExpression",
    "Missing condition in switch statement clause.",
);
pub(crate) const MISSING_SWITCH_CLAUSE: Template = (
    "MissingSwitchStatementClause",
    "Missing statement block in switch statement clause.",
);
pub(crate) const MULTIPLE_SWITCH_DEFAULTS: Template = (
    "MultipleSwitchDefaultClauses",
    "A switch statement can have only one default clause.",
);
pub(crate) const MISSING_NAME_AFTER_KEYWORD: Template =
    ("MissingNameAfterKeyword", "Missing name after {0} keyword.");
pub(crate) const MISSING_FUNCTION_BODY: Template = (
    "MissingFunctionBody",
    "Missing function body in function declaration.",
);
pub(crate) const MISSING_END_PAREN_IN_PARAMETER_LIST: Template = (
    "MissingEndParenthesisInFunctionParameterList",
    "Missing ')' in function parameter list.",
);
pub(crate) const INVALID_FUNCTION_PARAMETER: Template = (
    "InvalidFunctionParameter",
    "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.",
);
pub(crate) const ONLY_ONE_PARAMETER_LIST: Template = (
    "OnlyOneParameterListAllowed",
    "The param statement cannot be used if arguments were specified in the function declaration.",
);
pub(crate) const DUPLICATE_FORMAL_PARAMETER: Template = (
    "DuplicateFormalParameter",
    "Duplicate parameter ${0} in parameter list.",
);
pub(crate) const MISSING_TRY_BLOCK: Template = (
    "MissingTryStatementBlock",
    "The Try statement is missing its statement block.",
);
pub(crate) const MISSING_TRAP_STATEMENT: Template = (
    "MissingTrapStatement",
    "The 'trap' statement was incomplete. A trap statement requires a body.",
);
pub(crate) const MISSING_CATCH_OR_FINALLY: Template = (
    "MissingCatchOrFinally",
    "The Try statement is missing its Catch or Finally block.",
);
pub(crate) const MISSING_CATCH_HANDLER: Template = (
    "MissingCatchHandlerBlock",
    "The Catch block is missing its statement block.",
);
pub(crate) const MISSING_FINALLY_BLOCK: Template = (
    "MissingFinallyStatementBlock",
    "The Finally block is missing its statement block.",
);
pub(crate) const MISSING_TYPE_LITERAL: Template =
    ("MissingTypeLiteralToken", "Missing type literal.");
pub(crate) const EMPTY_CATCH_NOT_LAST: Template = (
    "EmptyCatchNotLast",
    "Catch block must be the last catch block.",
);
pub(crate) const MISSING_TYPENAME: Template = ("MissingTypename", "Missing type name after '['.");
pub(crate) const END_BRACKET_AT_END_OF_ATTRIBUTE: Template = (
    "EndSquareBracketExpectedAtEndOfAttribute",
    "Missing ] at end of attribute or type literal.",
);
pub(crate) const END_BRACKET_AT_END_OF_TYPE: Template = (
    "EndSquareBracketExpectedAtEndOfType",
    "Missing ] at end of type token.",
);
pub(crate) const MISSING_EXPRESSION_IN_NAMED_ARGUMENT: Template = (
    "MissingExpressionInNamedArgument",
    "Missing statement after '=' in named argument.",
);
pub(crate) const DUPLICATE_NAMED_ARGUMENT: Template = (
    "DuplicateNamedArgument",
    "Duplicate named arguments '{0}' are not allowed.",
);
pub(crate) const UNEXPECTED_ATTRIBUTE: Template =
    ("UnexpectedAttribute", "Unexpected attribute '{0}'.");
pub(crate) const MISSING_NAMED_BLOCKS: Template = (
    "MissingNamedBlocks",
    "unexpected token '{0}', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.",
);
pub(crate) const MISSING_NAMED_STATEMENT_BLOCK: Template = (
    "MissingNamedStatementBlock",
    "Missing statement block after '{0}'.",
);
pub(crate) const DUPLICATE_SCRIPT_COMMAND_CLAUSE: Template = (
    "DuplicateScriptCommandClause",
    "Script command clause '{0}' has already been defined.",
);
pub(crate) const RESERVED_KEYWORD_NOT_ALLOWED: Template = (
    "ReservedKeywordNotAllowed",
    "The '{0}' keyword is not supported in this version of the language.",
);
pub(crate) const INVALID_LEFT_HAND_SIDE: Template = (
    "InvalidLeftHandSide",
    "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
);
pub(crate) const SPLATTING_NOT_PERMITTED: Template = (
    "SplattingNotPermitted",
    "The splatting operator '@' cannot be used to reference variables in an expression. '@{0}' can be used only as an argument to a command. To reference variables in an expression use '${0}'.",
);
pub(crate) const SCRIPT_TOO_COMPLICATED: Template = (
    "ScriptTooComplicated",
    "Processing was stopped because the script is too complex.",
);
pub(crate) const TOO_MANY_ERRORS: Template = (
    "TooManyErrors",
    "Not all parse errors were reported.  Correct the reported errors and try again.",
);
/// Chosen by aapsh (no PowerShell equivalent): valid PowerShell that this offline shell does
/// not run, such as classes or background jobs. Failing loudly beats silently skipping.
pub(crate) const MISSING_TYPE_BODY: Template = (
    "MissingTypeBody",
    "Missing '{0}' body in '{0}' declaration.",
);
pub(crate) const TYPE_NAME_EXPECTED: Template = ("TypeNameExpected", "Type name expected.");
pub(crate) const INVALID_UNDERLYING_TYPE: Template = (
    "InvalidUnderlyingType",
    "'{0}' is not a valid underlying type for enums. Expected a builtin integral type (one of byte, sbyte, short, ushort, int, uint, long or ulong)",
);
pub(crate) const MISSING_PROPERTY_TERMINATOR: Template = (
    "MissingPropertyTerminator",
    "Missing ';' or end-of-line in property definition.",
);
pub(crate) const INCOMPLETE_MEMBER_DEFINITION: Template = (
    "IncompleteMemberDefinition",
    "Missing a property name or method definition.",
);
pub(crate) const MISSING_METHOD_PARAMETER_LIST: Template = (
    "MissingMethodParameterList",
    "Missing '(' in class method parameter list.",
);
pub(crate) const MISSING_BASE_CTOR_CALL: Template = (
    "MissingBaseCtorCall",
    "Missing 'base' after ':' in a base class constructor call.",
);
pub(crate) const DUPLICATE_QUALIFIER: Template =
    ("DuplicateQualifier", "Duplicate '{0}' qualifier");
pub(crate) const TOO_MANY_TYPES: Template = (
    "TooManyTypes",
    "Only one type may be specified on class members.",
);
pub(crate) const MEMBER_ALREADY_DEFINED: Template = (
    "MemberAlreadyDefined",
    "The member '{0}' is already defined.",
);
pub(crate) const METHOD_HAS_CODE_PATH_NOT_RETURN: Template = (
    "MethodHasCodePathNotReturn",
    "Not all code path returns value within method.",
);
pub(crate) const VOID_METHOD_HAS_RETURN: Template = (
    "VoidMethodHasReturn",
    "Invalid return statement within void method.",
);
pub(crate) const NON_VOID_METHOD_MISSING_RETURN_VALUE: Template = (
    "NonVoidMethodMissingReturnValue",
    "Invalid return statement within non-void method.",
);
pub(crate) const ENUMERATOR_VALUE_OUT_OF_BOUNDS: Template = (
    "EnumeratorValueOutOfBounds",
    "Enumerator value is either too large or too small for {0}.",
);
pub(crate) const ENUMERATOR_VALUE_MUST_BE_CONSTANT: Template = (
    "EnumeratorValueMustBeConstant",
    "Enumerator value must be a constant value.",
);
pub(crate) const VARIABLE_NOT_LOCAL: Template = (
    "VariableNotLocal",
    "Variable is not assigned in the method.",
);
pub(crate) const NON_STATIC_MEMBER_ACCESS_IN_STATIC_MEMBER: Template = (
    "NonStaticMemberAccessInStaticMember",
    "Cannot access the non-static member '{0}' in a static method or initializer of a static property.",
);
pub(crate) const CANNOT_CONVERT_VALUE: Template = (
    "CannotConvertValue",
    "Cannot convert the value to type \"{0}\".",
);
pub(crate) const NOT_EMULATED: Template = (
    "NotEmulatedOffline",
    "The '{0}' syntax is not emulated by this offline shell.",
);

pub(crate) const MISSING_STATEMENT_TERMINATOR: Template = (
    "MissingStatementTerminator",
    "Missing a newline or semicolon.",
);
pub(crate) const MISSING_ASSEMBLY_NAME: Template = (
    "MissingAssemblyNameSpecification",
    "The type name is missing the assembly name specification.",
);
pub(crate) const CONTROL_LEAVING_FINALLY: Template = (
    "ControlLeavingFinally",
    "Flow of control cannot leave a Finally block.",
);
pub(crate) const EXCEPTION_TYPE_ALREADY_CAUGHT: Template = (
    "ExceptionTypeAlreadyCaught",
    "Exception type {0} is already handled by a previous handler.",
);
pub(crate) const OPERATOR_REQUIRES_VARIABLE_OR_PROPERTY: Template = (
    "OperatorRequiresVariableOrProperty",
    "The '{0}' operator works only on variables or on properties.",
);
pub(crate) const REFERENCE_NEEDS_TO_BE_BY_ITSELF: Template = (
    "ReferenceNeedsToBeByItselfInTypeConstraint",
    "Cannot use [ref] with other types in a type constraint.",
);
pub(crate) const WORKFLOW_NOT_SUPPORTED: Template = (
    "WorkflowNotSupportedInPowerShellCore",
    "Workflow is not supported in PowerShell 6+.",
);

/// Fills `{0}` and `{1}` in a template.
pub(crate) fn format(template: &str, args: &[&str]) -> String {
    let mut out = template.to_string();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), arg);
    }
    out
}

/// An error found while scanning or parsing, before deduplication.
#[derive(Clone, Debug)]
pub(crate) struct Diag {
    pub id: &'static str,
    pub message: String,
    /// What pwsh underlines.
    pub span: Span,
    /// Where the problem was detected: the error is incomplete input when this is at the end
    /// of the text (only whitespace and comments after it). `None`: never incomplete.
    pub detected: Option<Span>,
}

impl Diag {
    /// PowerShell's `ReportError`: never incomplete.
    pub fn error(span: Span, template: Template, args: &[&str]) -> Diag {
        Diag {
            id: template.0,
            message: format(template.1, args),
            span,
            detected: None,
        }
    }

    /// PowerShell's `ReportIncompleteInput`: incomplete when `span` reaches the end of input.
    pub fn incomplete(span: Span, template: Template, args: &[&str]) -> Diag {
        Diag {
            id: template.0,
            message: format(template.1, args),
            span,
            detected: Some(span),
        }
    }

    /// `ReportIncompleteInput(errorPosition, errorDetectedPosition, ...)`.
    pub fn incomplete_at(span: Span, detected: Span, template: Template, args: &[&str]) -> Diag {
        Diag {
            id: template.0,
            message: format(template.1, args),
            span,
            detected: Some(detected),
        }
    }
}

pub(crate) const TYPE_NOT_ALLOWED_BEFORE_PARAM: Template = (
    "TypeNotAllowedBeforeParam",
    "Unexpected type [{0}] was found in the parameter statement.",
);

// ----- data sections (DataStatementRule and the RestrictedLanguageChecker) -----------------
pub(crate) const MISSING_STATEMENT_BLOCK_FOR_DATA_SECTION: Template = (
    "MissingStatementBlockForDataSection",
    "The Data section is missing its statement block.",
);
pub(crate) const INVALID_PARAMETER_FOR_DATA_SECTION: Template = (
    "InvalidParameterForDataSectionStatement",
    "The \"{0}\" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand.",
);
pub(crate) const MISSING_VALUE_FOR_SUPPORTED_COMMAND: Template = (
    "MissingValueForSupportedCommandInDataSectionStatement",
    "The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name to the parameter.",
);
pub(crate) const ARRAY_REFERENCE_IN_DATA_SECTION: Template = (
    "ArrayReferenceNotSupportedInDataSection",
    "Array references are not allowed in restricted language mode or a Data section.",
);
pub(crate) const ASSIGNMENT_IN_DATA_SECTION: Template = (
    "AssignmentStatementNotSupportedInDataSection",
    "Assignment statements are not allowed in restricted language mode or a Data section.",
);
pub(crate) const REDIRECTION_IN_DATA_SECTION: Template = (
    "RedirectionNotSupportedInDataSection",
    "Redirection is not allowed in restricted language mode or a Data section.",
);
pub(crate) const DO_WHILE_IN_DATA_SECTION: Template = (
    "DoWhileStatementNotSupportedInDataSection",
    "The Do and While statements are not allowed in restricted language mode or a Data section.",
);
pub(crate) const OPERATOR_IN_DATA_SECTION: Template = (
    "OperatorNotSupportedInDataSection",
    "The '{0}' operator is not allowed in restricted language mode or a Data section.",
);
pub(crate) const TRAP_IN_DATA_SECTION: Template = (
    "TrapStatementNotSupportedInDataSection",
    "The Trap statement is not allowed in restricted language mode or a Data section.",
);
pub(crate) const TRY_IN_DATA_SECTION: Template = (
    "TryStatementNotSupportedInDataSection",
    "The Try statement is not allowed in restricted language mode or a Data section.",
);
pub(crate) const FLOW_CONTROL_IN_DATA_SECTION: Template = (
    "FlowControlStatementNotSupportedInDataSection",
    "Flow control statements such as Break, Continue, Return, Exit, and Throw are not allowed in restricted language mode or a Data section.",
);
pub(crate) const FOREACH_IN_DATA_SECTION: Template = (
    "ForeachStatementNotSupportedInDataSection",
    "Foreach statements are not allowed in restricted language mode or a Data section.",
);
pub(crate) const FOR_WHILE_IN_DATA_SECTION: Template = (
    "ForWhileStatementNotSupportedInDataSection",
    "For and While statements are not allowed in restricted language mode or a Data section.",
);
pub(crate) const FUNCTION_IN_DATA_SECTION: Template = (
    "FunctionDeclarationNotSupportedInDataSection",
    "Function declarations are not allowed in restricted language mode or a Data section.",
);
pub(crate) const METHOD_CALL_IN_DATA_SECTION: Template = (
    "MethodCallNotSupportedInDataSection",
    "Method calls are not allowed in restricted language mode or a Data section.",
);
pub(crate) const PROPERTY_REFERENCE_IN_DATA_SECTION: Template = (
    "PropertyReferenceNotSupportedInDataSection",
    "Property references are not allowed in restricted language mode or a Data section.",
);
pub(crate) const SCRIPT_BLOCK_IN_DATA_SECTION: Template = (
    "ScriptBlockNotSupportedInDataSection",
    "Script block literals are not allowed in restricted language mode or a Data section.",
);
pub(crate) const SWITCH_IN_DATA_SECTION: Template = (
    "SwitchStatementNotSupportedInDataSection",
    "The switch statement is not allowed in restricted language mode or a Data section.",
);
pub(crate) const VARIABLE_IN_DATA_SECTION: Template = (
    "VariableReferenceNotSupportedInDataSection",
    "A variable that cannot be referenced in restricted language mode or a Data section is being referenced. Variables that can be referenced include the following: {0}.",
);
pub(crate) const COMMAND_NOT_ALLOWED_IN_DATA_SECTION: Template = (
    "CmdletNotInAllowedListForDataSection",
    "The command '{0}' is not allowed in restricted language mode or a Data section.",
);
pub(crate) const DATA_IN_DATA_SECTION: Template = (
    "DataSectionStatementNotSupportedInDataSection",
    "The data statement is not allowed in restricted language mode or another Data section.",
);
pub(crate) const DOT_SOURCING_IN_DATA_SECTION: Template = (
    "DotSourcingNotSupportedInDataSection",
    "Dot sourcing is not allowed in restricted language mode or a Data section.",
);
pub(crate) const TYPE_IN_DATA_SECTION: Template = (
    "TypeNotAllowedInDataSection",
    "The type {0} is not allowed in restricted language mode or a Data section.",
);
/// The argument of VARIABLE_IN_DATA_SECTION when no other variable is allowed.
pub(crate) const DEFAULT_ALLOWED_VARIABLES_IN_DATA_SECTION: &str =
    "$PSCulture, $PSUICulture, $true, $false, $null";
