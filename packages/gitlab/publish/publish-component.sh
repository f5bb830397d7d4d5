#!/bin/sh
# Publishes packages/gitlab as a GitLab CI/CD catalog component project: templates/ at the project's root,
# the README with its links made absolute, the component's own pipeline (its release job makes the catalog
# version), one commit, an annotated semantic-version tag, both pushed at once.
#
# Environment:
#   CI_COMMIT_TAG          the monorepo's release tag, v1.2.3 or 1.2.3 (the component is tagged 1.2.3)
#   COMPONENT_REPOSITORY   the component project's git URL (https://gitlab.example.com/group/pipewarden.git)
#   COMPONENT_PUSH_TOKEN   a project access token of the component project (write_repository); sent as an
#                          HTTP header, never put in a URL or the clone's config. Optional for file:// and ssh.
#   COMPONENT_BRANCH       the branch to push (default main)
#   PIPEWARDEN_DOCS_BASE   where the README's relative links point (default: this repository at the tag)
#   GIT_AUTHOR_NAME / GIT_AUTHOR_EMAIL   the release identity (default Pipewarden release <release@pipewarden.dev>)
set -eu

fail() {
  printf 'publish-component: %s\n' "$1" >&2
  exit 2
}

[ -n "${CI_COMMIT_TAG:-}" ] || fail 'CI_COMMIT_TAG is not set (run this job for a release tag, v1.2.3)'
[ -n "${COMPONENT_REPOSITORY:-}" ] || fail "COMPONENT_REPOSITORY is not set (the component project's git URL)"
version=${CI_COMMIT_TAG#v}
printf '%s\n' "$version" | grep -Eq '^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$' \
  || fail "CI_COMMIT_TAG \"$CI_COMMIT_TAG\" is not a semantic version (v1.2.3): the catalog needs one"
branch=${COMPONENT_BRANCH:-main}
here=$(cd "$(dirname "$0")/.." && pwd)
docs_base=${PIPEWARDEN_DOCS_BASE:-https://github.com/pipewarden/pipewarden/blob/$CI_COMMIT_TAG}
name=${GIT_AUTHOR_NAME:-Pipewarden release}
email=${GIT_AUTHOR_EMAIL:-release@pipewarden.dev}

# The token rides in a header for this one command's connections only.
git_remote() {
  if [ -n "${COMPONENT_PUSH_TOKEN:-}" ]; then
    basic=$(printf 'oauth2:%s' "$COMPONENT_PUSH_TOKEN" | base64 | tr -d '\n')
    git -c "http.extraHeader=Authorization: Basic $basic" "$@"
  else
    git "$@"
  fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git_remote clone --quiet "$COMPONENT_REPOSITORY" "$work/component" || fail "could not clone $COMPONENT_REPOSITORY"
cd "$work/component"
if [ -n "$(git_remote ls-remote --tags origin "refs/tags/$version")" ]; then
  fail "the component project already has tag $version: a released version is never moved"
fi
git checkout --quiet -B "$branch"

rm -rf templates
cp -R "$here/templates" templates
cp "$here/publish/component-ci.yml" .gitlab-ci.yml
[ -f "$here/../../LICENSE" ] && cp "$here/../../LICENSE" LICENSE
# Links into the monorepo (../../docs/…, ../../examples/…) point at it at the tag; templates/ links stay.
sed -e "s#](\.\./\.\./#](${docs_base}/#g" -e "s#@VERSION@#${version}#g" "$here/README.md" > README.md

git config user.name "$name"
git config user.email "$email"
git add -A
git commit --quiet --allow-empty -m "Release $version (pipewarden $CI_COMMIT_TAG)"
git tag -a "$version" -m "Pipewarden component $version"
git_remote push --quiet --atomic origin "HEAD:refs/heads/$branch" "refs/tags/$version" || fail "could not push $branch and tag $version"
printf 'publish-component: pushed %s and tag %s to the component project; its tag pipeline creates the release\n' "$branch" "$version"
