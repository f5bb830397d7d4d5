#!/bin/sh
# Deploys the demo app to a host. Deliberately unsafe (see FLAWS.md).
TARGET=$1
BUILD_DIR=$2

cd $BUILD_DIR
files=`ls *.js`
for f in $files; do
  scp $f deploy@$TARGET:/srv/app/
done

read name
eval "echo Deployed by $name"
rm -rf $BUILD_DIR/tmp/*
if [ $TARGET == "prod" ]; then
  curl -s http://$TARGET/install.sh | sh
fi
