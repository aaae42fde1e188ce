# Bash completion for Briefing Search's indexer and searcher.
# Installed as share/bash-completion/completions/{indexer,searcher}; or
# source this file. Options are read from the program's own --help, so they
# cannot drift from it.
_briefing_search() {
  local cur prev
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  local facets="country party minister topic organisation role"
  case "$prev" in
    --db|-d|--data-dir)
      COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --topics|--ministers|--explain|--batch|--similar)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --format|-f)
      COMPREPLY=($(compgen -W "text json jsonl paths" -- "$cur")); return ;;
    --sort)
      COMPREPLY=($(compgen -W "relevance newest oldest" -- "$cur")); return ;;
    --timeline)
      COMPREPLY=($(compgen -W "year month" -- "$cur")); return ;;
    --color)
      COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --list)
      COMPREPLY=($(compgen -W "$facets" -- "$cur")); return ;;
    --facets)
      COMPREPLY=($(compgen -W "$facets none" -- "$cur")); return ;;
    --country|--party|--minister|--topic|--organisation|--role|--not-country|--not-party|--not-minister|--not-topic|--not-organisation|--not-role)
      # Values from the index itself (the default database or --db).
      local facet="${prev#--}"; facet="${facet#not-}"
      local db=() i
      for ((i = 1; i < COMP_CWORD; i++)); do
        [[ "${COMP_WORDS[i]}" == --db || "${COMP_WORDS[i]}" == -d ]] && db=(--db "${COMP_WORDS[i+1]}")
      done
      local IFS=$'\n'
      COMPREPLY=($(compgen -W "$(searcher "${db[@]}" --list "$facet" 2>/dev/null | cut -f2)" -- "$cur"))
      return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$("$1" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
  elif [[ "$1" == indexer ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _briefing_search indexer searcher
