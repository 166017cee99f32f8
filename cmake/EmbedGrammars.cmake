# Turns grammars/*.grammar into a C++ source holding their text, so the binary carries its
# default grammar and `--grammar FILE` can replace it at run time. Runs at build time:
# editing a grammar file rebuilds the embedded copy.
# Usage: cmake -DOUT=file.cpp -DGRAMMARS="a.grammar;b.grammar" -P EmbedGrammars.cmake
if(NOT DEFINED OUT)
  message(FATAL_ERROR "EmbedGrammars.cmake: OUT not set")
endif()
set(body "// Generated from grammars/*.grammar by cmake/EmbedGrammars.cmake. Do not edit.\n")
string(APPEND body "#include \"bpack/grammar/embedded.hpp\"\n\nnamespace bpack::grammar {\n\n")
string(APPEND body "const std::vector<EmbeddedGrammar>& embedded_grammars() {\n")
string(APPEND body "  static const std::vector<EmbeddedGrammar> grammars = {\n")
foreach(file IN LISTS GRAMMARS)
  file(READ "${file}" text)
  get_filename_component(name "${file}" NAME)
  # A raw string literal keeps the text byte for byte; the delimiter cannot occur in a grammar.
  string(APPEND body "    {\"${name}\", R\"bpack_grammar(${text})bpack_grammar\"},\n")
endforeach()
string(APPEND body "  };\n  return grammars;\n}\n\n}  // namespace bpack::grammar\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
else()
  set(old "")
endif()
if(NOT old STREQUAL body)
  file(WRITE "${OUT}" "${body}")
endif()
