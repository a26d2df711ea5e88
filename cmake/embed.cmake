# gm_embed(VAR SYMBOL FILE [SYMBOL FILE ...]): generates a C source that holds each FILE as a byte
# array `const unsigned char SYMBOL[]` with its size in `const size_t SYMBOL_len`, and sets VAR to
# the generated source, to be added to a target.  The files are text that the library inlines into
# an HTML page (src/vendor/leaflet), so the conversion also drops url(images/...) references and
# refuses text that would end the element it is inlined into (see embed-file.cmake).
function(gm_embed var)
  set(outputs "")
  set(args ${ARGN})
  while(args)
    list(POP_FRONT args symbol file)
    get_filename_component(file "${file}" ABSOLUTE)
    set(out "${CMAKE_CURRENT_BINARY_DIR}/embed/${symbol}.c")
    add_custom_command(
      OUTPUT "${out}"
      COMMAND ${CMAKE_COMMAND} -DSYMBOL=${symbol} -DINPUT=${file} -DOUTPUT=${out}
              -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed-file.cmake"
      DEPENDS "${file}" "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed-file.cmake"
      COMMENT "Embedding ${file}"
      VERBATIM)
    list(APPEND outputs "${out}")
  endwhile()
  set(${var} ${outputs} PARENT_SCOPE)
endfunction()
