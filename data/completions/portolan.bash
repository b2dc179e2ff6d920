# bash completion for portolan(1)                          -*- shell-script -*-
# Installed as share/bash-completion/completions/portolan. The options and
# their values follow `portolan --help` and `portolan COMMAND --help`
# (tests/packaging/tst_commanddocs checks that they still do).

_portolan_files()
{
    # Adds the files matching $1, an extglob of suffixes such as
    # '@(json|yml)' (empty: any file), to COMPREPLY.
    if declare -F _filedir >/dev/null; then
        _filedir "$1"
    else
        local IFS=$'\n'
        COMPREPLY+=($(compgen -f -- "$cur"))
    fi
}

_portolan()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        COMPREPLY=()
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local commands='check import export diff probe moves apply'
    local command='' i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --lang | --screenshot | --grid-layer) ((i++)) ;;
            -*) ;;
            *)
                [[ " $commands " == *" ${words[i]} "* ]] && command=${words[i]}
                break
                ;;
        esac
    done

    case $prev in
        --lang)
            COMPREPLY=($(compgen -W 'de en' -- "$cur"))
            return
            ;;
        -h | --help | -v | --version)
            return
            ;;
    esac

    local options
    case $command in
        '')
            case $prev in
                --screenshot) _portolan_files '@(png|PNG)'; return ;;
                --grid-layer) COMPREPLY=($(compgen -W 'plan' -- "$cur")); return ;;
            esac
            options='--screenshot --grid-layer --lang -h --help -v --version'
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$options" -- "$cur"))
            else
                COMPREPLY=()
                _portolan_files '@(portolan.json)'
                COMPREPLY+=($(compgen -W "$commands" -- "$cur"))
            fi
            return
            ;;
        check)
            case $prev in
                --format) COMPREPLY=($(compgen -W 'text json github sarif' -- "$cur")); return ;;
                --host) return ;;
            esac
            options='--format --host --no-refresh --lang -h --help'
            [[ $cur == -* ]] || { _portolan_files '@(json|yml|yaml|md|markdown)'; return; }
            ;;
        import)
            case $prev in
                --from) COMPREPLY=($(compgen -W 'json markdown compose prometheus' -- "$cur")); return ;;
                --host) return ;;
                --into) _portolan_files '@(json)'; return ;;
                -o | --output) _portolan_files '@(json)'; return ;;
            esac
            options='--from --host --into -o --output --lang -h --help'
            [[ $cur == -* ]] || { _portolan_files ''; return; }
            ;;
        export)
            case $prev in
                --to) COMPREPLY=($(compgen -W 'json markdown compose prometheus file-sd env png svg' -- "$cur")); return ;;
                --host | --set) return ;;
                -o | --output) _portolan_files ''; return ;;
            esac
            options='--to --host -o --output --set --lang -h --help'
            [[ $cur == -* ]] || { _portolan_files '@(json)'; return; }
            ;;
        diff)
            case $prev in
                --format) COMPREPLY=($(compgen -W 'text json markdown' -- "$cur")); return ;;
            esac
            options='--format --lang -h --help'
            [[ $cur == -* ]] || { _portolan_files '@(json)'; return; }
            ;;
        probe)
            case $prev in
                --format) COMPREPLY=($(compgen -W 'text json' -- "$cur")); return ;;
                --host | --range | --timeout | --concurrency | --health | --prometheus) return ;;
            esac
            options='--host --range --timeout --concurrency --health --prometheus --format --lang -h --help'
            [[ $cur == -* ]] || { _portolan_files '@(json)'; return; }
            ;;
        moves)
            case $prev in
                --format) COMPREPLY=($(compgen -W 'text json' -- "$cur")); return ;;
            esac
            options='--format --lang -h --help'
            [[ $cur == -* ]] || { _portolan_files '@(json)'; return; }
            ;;
        apply)
            case $prev in
                --move) return ;;
                --patch) _portolan_files '@(patch|diff)'; return ;;
            esac
            options='--move --all --patch --write --lang -h --help'
            [[ $cur == -* ]] || { _portolan_files '@(json)'; return; }
            ;;
    esac
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
} &&
    complete -F _portolan portolan

# ex: filetype=sh
