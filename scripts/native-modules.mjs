console.log("native-modules: placeholder during bootstrap");
